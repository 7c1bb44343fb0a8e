;; A loop that throws and catches across a call (ExceptionBench): each iteration calls a function that
;; throws its argument as the payload of $e, which the loop catches and adds up. "returning" makes the
;; same calls inside the same try, to a function that returns the argument: what entering a try costs.
;; Legacy try/catch syntax: the Debian wabt (1.0.32) predates try_table.
(module
  (tag $e (param i32))
  (func $thrower (param $i i32) (result i32)
    (throw $e (local.get $i)))
  (func $returner (param $i i32) (result i32)
    (local.get $i))

  (func (export "throwing") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc)
        (try (result i32) (do (call $thrower (local.get $i))) (catch $e))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))

  (func (export "returning") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc)
        (try (result i32) (do (call $returner (local.get $i))) (catch $e))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))
)
