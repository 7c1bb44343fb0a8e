;; _start lets a wasm exception out of a named function, for the error report and wasm stack.
(module
  (tag $boom (export "boom") (param i32))
  (func $fail (param i32) (throw $boom (local.get 0)))
  (func (export "_start") (call $fail (i32.const 42))))
