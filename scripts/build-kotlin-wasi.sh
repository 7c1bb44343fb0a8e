#!/bin/sh
# Builds the Kotlin/Wasm WASI programs of wasmvm-compiler's KotlinWasiTest from their sources in
# wasmvm-compiler/src/test/kotlin-wasi/NAME (textkit and numbers) into
# wasmvm-compiler/src/test/resources/kotlin-wasi:
#   NAME.wasm      the Kotlin compiler's output (kotlin-compiler-embeddable, with dead code eliminated),
#                  as a Gradle development build makes it
#   NAME-opt.wasm  the same after binaryen's wasm-opt with the arguments the Kotlin compiler gives it
#                  (its BinaryenConfig), as a Gradle production build makes it
# and writes their sha256 to SHA256SUMS there. The compiler and the wasm-wasi standard library klib come
# from Maven Central (resolved by Maven, no Gradle), binaryen from npm. Rebuilding with the same versions
# gives the same bytes, wherever the checkout is. Needs a JDK, Maven (./mvnw), npm, node and sha256sum.
# Usage: scripts/build-kotlin-wasi.sh
set -eu
kotlin=2.4.21
binaryen=132.0.0
repo="$(cd "$(dirname "$0")/.." && pwd)"
src="$repo/wasmvm-compiler/src/test/kotlin-wasi"
out="$repo/wasmvm-compiler/src/test/resources/kotlin-wasi"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kotlin-wasi-toolchain</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-compiler-embeddable</artifactId><version>$kotlin</version></dependency>
    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-stdlib-wasm-wasi</artifactId><version>$kotlin</version><type>klib</type></dependency>
  </dependencies>
</project>
POM
# (the pom is outside the checkout, so the checkout's .mvn/maven.config, a local repository say, is passed on)
# shellcheck disable=SC2046
"$repo/mvnw" -B -ntp -q $(cat "$repo/.mvn/maven.config" 2>/dev/null) -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/lib"
classpath="$(find "$work/lib" -name '*.jar' | tr '\n' ':')"
stdlib="$work/lib/kotlin-stdlib-wasm-wasi-$kotlin.klib"
kotlinc() {
  java -cp "$classpath" org.jetbrains.kotlin.cli.js.KotlinWasmCompiler -Xwasm-target=wasm-wasi "$@"
}

cat > "$work/BinaryenArgs.java" <<'JAVA'
public class BinaryenArgs {
    public static void main(String[] args) throws ReflectiveOperationException {
        Class<?> config = Class.forName("org.jetbrains.kotlin.platform.wasm.BinaryenConfig");
        Object arguments = config.getMethod("getBinaryenArgs").invoke(config.getField("INSTANCE").get(null));
        System.out.println(String.join(" ", (Iterable<? extends CharSequence>) arguments));
    }
}
JAVA
binaryenArgs="$(java -cp "$classpath" "$work/BinaryenArgs.java" 2>/dev/null)"
(cd "$work" && npm install --silent --no-save --no-package-lock "binaryen@$binaryen" >/dev/null)

# build NAME: two steps, as Gradle runs them (the sources to a klib, then the klib with the stdlib to
# wasm), then binaryen
build() {
  # (paths relative to $src: the compiler writes the source file's path into the module)
  kotlinc -libraries "$stdlib" -Xklib-relative-path-base="$src" -ir-output-dir "$work/$1/klib" -ir-output-name "$1" \
    "$src/$1"/*.kt
  kotlinc -libraries "$stdlib:$work/$1/klib/$1.klib" -Xinclude="$work/$1/klib/$1.klib" -Xir-produce-js -Xir-dce \
    -ir-output-dir "$work/$1/wasm" -ir-output-name "$1"
  cp "$work/$1/wasm/$1.wasm" "$out/$1.wasm"
  # shellcheck disable=SC2086 # the arguments are words
  node "$work/node_modules/binaryen/bin/wasm-opt" $binaryenArgs "$out/$1.wasm" -o "$out/$1-opt.wasm"
}
mkdir -p "$out"
build textkit
build numbers
(cd "$out" && sha256sum textkit.wasm textkit-opt.wasm numbers.wasm numbers-opt.wasm > SHA256SUMS && cat SHA256SUMS)
