;; With link-cycle-b: two modules that import each other, which cannot be instantiated.
(module
  (import "./cycle-b.wasm" "b" (func $b))
  (func (export "a") (call $b))
  (func (export "main") (call $b)))
