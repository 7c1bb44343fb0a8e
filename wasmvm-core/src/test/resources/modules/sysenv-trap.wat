;; _start traps (unreachable) inside a named function, for the error report and wasm stack.
(module
  (func $fail unreachable)
  (func (export "_start") call $fail))
