def log = new File(basedir, 'build.log').text
assert log =~ /wasmvm:run \(execution 'square'\) of module .*square\.wasm returned 144/
assert log =~ /wasmvm:run \(execution 'square-again'\) of module .*square\.wasm returned 20736/
// the artifact is found under its artifactId, in a directory of its own in the build directory
assert new File(basedir, 'target/wasmvm/module-path/org.wasmvm.it/mathlib/wasm/1.0/mathlib.wasm').isFile()
assert new File(basedir, 'target/square.txt').text == '20736\n'
assert log.contains('BUILD SUCCESS')
return true
