;; The top of a diamond: one bump through the left side, two through the right, then exits with
;; 10 * (the count the left side reads) + (the count the right side reads): 33 when they share one counter.
(module
  (import "./sub/left.wasm" "left" (func $left))
  (import "./sub/left.wasm" "count" (func $left_count (result i32)))
  (import "right" "right" (func $right))
  (import "right" "count" (func $right_count (result i32)))
  (func (export "main") (result i32)
    (call $left)
    (call $right)
    (call $right)
    (i32.add (i32.mul (call $left_count) (i32.const 10)) (call $right_count))))
