;; No imports; main() returns 7, which becomes the exit code.
(module
  (func (export "main") (result i32) i32.const 7))
