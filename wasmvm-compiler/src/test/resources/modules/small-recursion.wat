;; Small functions that call themselves: the compiler gives each a twin method, which invoke calls and
;; which calls invoke (BytecodeCompiler.FREQ_INLINE_SIZE). Traps and limits must not tell the two apart.
(module
  ;; n + 1 frames of $down, then a trap in the innermost: in invoke or in its twin as n is even or odd
  (func $down (export "down") (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then unreachable))
    (i32.add (call $down (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
  ;; deeper than any call-depth limit
  (func $forever (export "forever") (param $n i32) (result i32)
    (i32.add (call $forever (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
  ;; 1 + 2 + ... + n, one call per term
  (func $sum (export "sum") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 0))
      (else (i64.add (local.get $n) (call $sum (i64.sub (local.get $n) (i64.const 1))))))))
