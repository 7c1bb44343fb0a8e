;; Imports counter's "bump" with the wrong type: a link error naming both modules.
(module
  (import "counter" "bump" (func $bump (param i32) (result i32)))
  (func (export "main") (result i32) (call $bump (i32.const 1))))
