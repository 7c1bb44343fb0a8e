;; v128 values across every boundary of compiled code (SimdCompilationTest): direct, indirect, host
;; and multi-value calls, globals, blocks and branches that carry vectors, select, tail calls
;; (to wasm and to the host), and a long loop for on-stack replacement. Built with
;; wat2wasm --enable-tail-call simd-boundaries.wat
(module
  (type $vv_v (func (param v128 v128) (result v128)))
  (import "env" "mix" (func $mix (param v128 i32) (result v128)))
  (table 2 funcref)
  (elem (i32.const 0) $add $countdown)
  (global $g (mut v128) (v128.const i32x4 1 2 3 4))

  (func $add (type $vv_v)
    (i32x4.add (local.get 0) (local.get 1)))

  ;; a vector, a scalar and a vector back
  (func $pair (param $n i32) (param $v v128) (param $f f64) (result v128 i32 v128)
    (local.get $v)
    (i32.add (local.get $n) (i32.const 1))
    (f64x2.splat (local.get $f)))

  (func (export "calls") (param $a v128) (param $b v128) (result v128)
    (local $x v128) (local $y v128)
    (local.set $x (call $add (local.get $a) (local.get $b)))
    (local.set $x (call_indirect (type $vv_v) (local.get $x) (local.get $a) (i32.const 0)))
    (local.set $x (call $mix (local.get $x) (i32.const 3)))
    (call $pair (i32.const 7) (local.get $x) (f64.const 1.5))
    (local.set $y)
    (i32x4.replace_lane 3)
    (local.get $y)
    (v128.xor)
    (global.get $g)
    (i32x4.add)
    (global.set $g (i32x4.mul (global.get $g) (i32x4.splat (i32.const 3))))
    (i32x4.add (global.get $g)))

  (func (export "branches") (param $c i32) (param $a v128) (param $b v128) (result v128)
    (local $t v128)
    (block $out (result v128)
      (v128.const i64x2 5 6)
      (local.get $a)
      (br_if $out (i32.eq (local.get $c) (i32.const 1)))
      (i64x2.add)
      (if (param v128) (result v128) (i32.eqz (local.get $c))
        (then (i8x16.neg))
        (else (local.get $a) (local.get $b) (i32.const 0) (select) (i64x2.sub)))
      (block $inner (param v128) (result v128)
        (local.set $t)
        (local.get $t)
        (i32x4.mul (local.get $t) (local.get $b))
        (br_table $inner $out (i32.sub (local.get $c) (i32.const 2))))
      (local.get $b)
      (local.get $c)
      (select (result v128))))

  (func $countdown (param $v v128) (param $n i32) (result v128)
    (if (result v128) (i32.eqz (local.get $n))
      (then (local.get $v))
      (else
        (return_call $countdown
          (i64x2.add (local.get $v) (i64x2.splat (i64.extend_i32_u (local.get $n))))
          (i32.sub (local.get $n) (i32.const 1))))))

  (func (export "tail") (param $v v128) (param $n i32) (result v128)
    (return_call_indirect (type 1) (local.get $v) (local.get $n) (i32.const 1)))

  (func (export "tailToHost") (param $v v128) (result v128)
    (return_call $mix (local.get $v) (i32.const 5)))

  (func (export "osr") (param $n i64) (result v128)
    (local $acc v128) (local $i i64)
    (v128.const i64x2 1000 2000)
    (loop $l
      (local.set $acc (i64x2.add (local.get $acc) (i64x2.splat (local.get $i))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $acc)
    (i64x2.add)))
