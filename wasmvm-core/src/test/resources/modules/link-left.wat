;; One side of a diamond, in sub/: reaches the counter through "../lib/counter.wasm".
(module
  (import "../lib/counter.wasm" "bump" (func $bump (result i32)))
  (import "../lib/counter.wasm" "count" (func $count (result i32)))
  (func (export "left") (drop (call $bump)))
  (func (export "count") (result i32) (call $count)))
