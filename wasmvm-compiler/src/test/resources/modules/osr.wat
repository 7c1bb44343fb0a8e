;; Functions that run one long loop per call: on the tiered engine, on-stack replacement moves
;; the running frame into compiled code at a loop header.
(module
  ;; sum of 0..n-1
  (func (export "sum") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))

  ;; 1000 + sum of 1..n: an operand waits under the loop, which carries the running sum as its parameter
  (func (export "carried") (param $n i64) (result i64)
    (local $i i64)
    (i64.const 1000)
    (i64.const 0)
    (loop $l (param i64) (result i64)
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (i64.add (local.get $i))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (i64.add))

  ;; loops n times, then traps in a callee: the trace must be the same on every engine
  (func $fail (param $i i64)
    (if (i64.ge_u (local.get $i) (i64.const 0)) (then unreachable)))
  (func $spin (export "spin_then_trap") (param $n i64)
    (local $i i64)
    (loop $l
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (call $fail (local.get $i)))
  (func (export "outer") (param $n i64)
    (call $spin (local.get $n)))
)
