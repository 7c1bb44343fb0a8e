;; Exercises the public API: a host import, exported memory, globals and typed calls.
(module
  (import "env" "add_offset" (func $add_offset (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $counter (export "counter") (mut i64) (i64.const 40))
  (data (i32.const 16) "hello")
  (func (export "double_then_offset") (param $x i32) (result i32)
    (call $add_offset (i32.mul (local.get $x) (i32.const 2))))
  (func (export "bump") (result i64)
    (global.set $counter (i64.add (global.get $counter) (i64.const 2)))
    (global.get $counter))
  (func (export "sum_bytes") (param $ptr i32) (param $len i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (local.get $sum))
  (func (export "div_pair") (param f64 f64) (result f64 f64)
    (f64.div (local.get 0) (local.get 1))
    (f64.div (local.get 1) (local.get 0))))
