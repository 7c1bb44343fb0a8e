;; The other side of the diamond, beside the main module: reaches the counter through "./lib/counter" (".wasm" appended).
(module
  (import "./lib/counter" "bump" (func $bump (result i32)))
  (import "./lib/counter" "count" (func $count (result i32)))
  (func (export "right") (drop (call $bump)))
  (func (export "count") (result i32) (call $count)))
