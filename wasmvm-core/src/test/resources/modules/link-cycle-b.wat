;; See link-cycle-a.
(module
  (import "./cycle-a.wasm" "a" (func $a))
  (func (export "b") (call $a)))
