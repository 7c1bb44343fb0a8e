;; Tail calls (return_call, return_call_indirect) for TailCallTest, on every engine. Built with
;; wat2wasm --enable-tail-call --debug-names tail-calls.wat
(module
  (type $predicate (func (param i32) (result i32)))
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (table 3 funcref)
  (elem (i32.const 0) $even_indirect $odd_indirect $spin)

  ;; even/odd by mutual tail recursion: n calls deep without tail calls
  (func $even (export "even") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call $odd (i32.sub (local.get $n) (i32.const 1))))))
  (func $odd (export "odd") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $even (i32.sub (local.get $n) (i32.const 1))))))

  ;; the same through the table: element 0 is even, 1 is odd (2 is spin)
  (func $even_indirect (export "even_indirect") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call_indirect (type $predicate) (i32.sub (local.get $n) (i32.const 1)) (i32.const 1)))))
  (func $odd_indirect (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call_indirect (type $predicate) (i32.sub (local.get $n) (i32.const 1)) (i32.const 0)))))

  ;; several results: counts n down in two functions, adding 3 to acc per step; returns (acc, 7)
  (func $sum_down (export "sum_down") (param $n i32) (param $acc i64) (result i64 i32)
    (if (result i64 i32) (i32.eqz (local.get $n))
      (then (local.get $acc) (i32.const 7))
      (else (return_call $sum_down_other (i32.sub (local.get $n) (i32.const 1))
                                         (i64.add (local.get $acc) (i64.const 3))))))
  (func $sum_down_other (param $n i32) (param $acc i64) (result i64 i32)
    (return_call $sum_down (local.get $n) (local.get $acc)))

  ;; a tail call to a host function: its results are the caller's
  (func (export "twice_tail") (param $n i32) (result i32)
    (return_call $twice (i32.add (local.get $n) (i32.const 1))))

  ;; a trap in a tail-called function: outer calls middle, which tail-calls faulty (divides by zero)
  (func $faulty (param $d i32) (result i32)
    (i32.div_u (i32.const 1) (local.get $d)))
  (func $middle (param $d i32) (result i32)
    (return_call $faulty (local.get $d)))
  (func $outer (export "trap_in_tail_callee") (param $d i32) (result i32)
    (i32.add (i32.const 1) (call $middle (local.get $d))))

  ;; a tail-call cycle that never ends
  (func $spin (export "spin") (param $n i32) (result i32)
    (return_call $spin_other (i32.add (local.get $n) (i32.const 1))))
  (func $spin_other (param $n i32) (result i32)
    (return_call_indirect (type $predicate) (local.get $n) (i32.const 2)))

  ;; a long loop, then a tail call: on the tiered engine on-stack replacement moves the loop into
  ;; compiled code, whose entry then makes the tail call
  (func (export "count_then_tail") (param $n i64) (result i64)
    (local $i i64)
    (loop $l
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (return_call $plus_one (local.get $i)))
  (func $plus_one (param $x i64) (result i64)
    (i64.add (local.get $x) (i64.const 1)))
)
