;; mul.wasm: a library module, installed by setup-wasm-artifact as org.wasmvm.it:mathlib:1.0 so
;; that the module-path IT finds it under its artifactId.
(module
  (func (export "mul") (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1))))
