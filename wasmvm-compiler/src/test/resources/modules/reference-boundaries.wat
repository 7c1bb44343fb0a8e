;; References across the boundaries of compiled code (ReferenceCompilationTest): calls with
;; references as parameters and results, several results, a typed host function, tables and
;; globals of references, reference tests and selects, tail calls carrying a reference, and
;; on-stack replacement of a loop with a reference local. (wabt 1.0.32 cannot write typed function
;; references: call_ref, br_on_null and the like are checked on the spec suite's modules.)
(module
  (type $binop (func (param i32 i32) (result i32)))
  (type $pick (func (param externref i32) (result externref i32)))
  (import "env" "echo" (func $echo (param externref i64) (result externref)))
  (table $funcs 4 funcref)
  (table $things 2 16 externref)
  (table $picks 1 funcref)
  (global $last (mut externref) (ref.null extern))
  (global $op (mut funcref) (ref.null func))
  (elem $ops func $add $sub)
  (elem (table $picks) (i32.const 0) func $pickSecond)

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))

  ;; several results, one a reference between two numbers
  (func $pickSecond (type $pick) (local.get 0) (i32.mul (local.get 1) (i32.const 3)))

  ;; x through a host call, several results (direct and indirect), a table and a global
  (func (export "roundTrip") (param $x externref) (param $n i32) (result externref i32 i64)
    (call $pickSecond (call $echo (local.get $x) (i64.const 7)) (local.get $n))
    (local.set $n)
    (call_indirect $picks (type $pick) (local.get $n) (i32.const 0))
    (local.set $n)
    (global.set $last)
    (table.set $things (i32.const 1) (global.get $last))
    (global.set $last (table.get $things (i32.const 1)))
    (global.get $last)
    (local.get $n)
    (i64.extend_i32_u (table.size $things)))

  ;; table.grow, table.fill and table.get, with the old size and the null checks
  (func (export "grow") (param $x externref) (param $by i32) (result i32 i32 i32)
    (table.grow $things (local.get $x) (local.get $by))
    (table.fill $things (i32.const 0) (ref.null extern) (i32.const 1))
    (ref.is_null (table.get $things (i32.const 0)))
    (ref.is_null (table.get $things (i32.sub (table.size $things) (i32.const 1)))))

  ;; call_indirect through a table filled by table.init and table.copy, the function kept in a global
  (func (export "indirect") (param $a i32) (param $b i32) (param $which i32) (result i32 i32)
    (table.init $funcs $ops (i32.const 1) (i32.const 0) (i32.const 2))
    (table.copy $funcs $funcs (i32.const 3) (i32.const 1) (i32.const 1))
    (global.set $op (table.get $funcs (local.get $which)))
    (call_indirect $funcs (type $binop) (local.get $a) (local.get $b) (local.get $which))
    (ref.is_null (global.get $op)))

  ;; elem.drop, then table.init of the dropped segment traps
  (func (export "dropped") (elem.drop $ops) (table.init $funcs $ops (i32.const 0) (i32.const 0) (i32.const 1)))

  ;; a reference test fused with a branch, and a typed select of references
  (func (export "choose") (param $x externref) (param $y externref) (result externref i32)
    (select (result externref) (local.get $y) (local.get $x) (ref.is_null (local.get $x)))
    (if (result i32) (ref.is_null (local.get $y)) (then (i32.const 10)) (else (i32.const 20))))

  ;; a tail-call chain far deeper than the call-depth limit, carrying a reference
  (func $countdown (param externref i32) (result externref)
    (if (result externref) (i32.eqz (local.get 1))
      (then (local.get 0))
      (else (return_call $countdown (local.get 0) (i32.sub (local.get 1) (i32.const 1))))))
  (func (export "tail") (param externref i32) (result externref)
    (return_call $countdown (local.get 0) (local.get 1)))

  ;; a long loop with a reference local under it: on-stack replacement carries the reference
  (func (export "osr") (param $x externref) (param $n i64) (result externref i64)
    (local $keep externref) (local $sum i64)
    (local.set $keep (local.get $x))
    (loop $again
      (local.set $sum (i64.add (local.get $sum) (local.get $n)))
      (br_if $again (i64.ne (local.tee $n (i64.sub (local.get $n) (i64.const 1))) (i64.const 0))))
    (local.get $keep) (local.get $sum))
)
