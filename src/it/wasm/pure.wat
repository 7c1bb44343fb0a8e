;; pure.wasm: imports nothing, so it runs under noSystem. main returns 0 when 10! = 3628800;
;; "check" is a second entry point that returns 0 when fib(20) = 6765.
(module
  (func $fac (param $n i64) (result i64)
    (if (result i64) (i64.le_u (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1)))))))
  (func $fib (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $t i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))
  (func (export "main") (result i32)
    (i64.ne (call $fac (i64.const 10)) (i64.const 3628800)))
  (func (export "check") (result i32)
    (i32.ne (call $fib (i32.const 20)) (i32.const 6765))))
