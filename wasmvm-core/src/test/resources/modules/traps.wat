;; Traps with a named wasm stack, and runaway recursion.
(module
  (func $inner (export "inner") (param $d i32) (result i32)
    (i32.div_s (i32.const 1) (local.get $d)))
  (func $outer (export "outer") (param $d i32) (result i32)
    (i32.add (call $inner (local.get $d)) (i32.const 1)))
  (func $forever (export "forever") (param i64) (result i64)
    (i64.add (call $forever (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
  (func (export "spin") (param $n i64) (result i64)
    (loop $again
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (br $again))
    (local.get $n))
  (func (export "count_to") (param $n i32) (result i32)
    (local $i i32)
    (loop $again
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))
