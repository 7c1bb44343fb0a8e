/**
 * Internal: the package of the classes the compiler generates ({@code BaselineFunction<N>},
 * {@code WasmFunction<N>}) and of the helpers their code calls. Apart from {@code org.wasmvm.compiler},
 * which generates them, so that the JVM can be told to keep C2 off the code generators (the compiler
 * and ASM, run once per function) by package, without keeping it off the helpers optimized code needs
 * (docs/RATIONALE.md, "C2 stays off the code generators"). Not part of the public API.
 */
package org.wasmvm.compiled;
