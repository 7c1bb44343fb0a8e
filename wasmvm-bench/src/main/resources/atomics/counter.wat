;; AtomicBench: n increments of an i32 counter at address 0, plainly (i32.load, i32.add, i32.store) or with
;; i32.atomic.rmw.add, on an unshared memory (0) and on a shared one (1). Each export sets the counter to 0,
;; counts, and returns it: n.
(module
  (memory $unshared 1 1)
  (memory $shared 1 1 shared)

  (func (export "plain") (param $n i32) (result i32)
    (local $i i32)
    (i32.store (i32.const 0) (i32.const 0))
    (loop $next
      (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.load (i32.const 0)))

  (func (export "atomic") (param $n i32) (result i32)
    (local $i i32)
    (i32.store (i32.const 0) (i32.const 0))
    (loop $next
      (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.load (i32.const 0)))

  (func (export "plainShared") (param $n i32) (result i32)
    (local $i i32)
    (i32.store 1 (i32.const 0) (i32.const 0))
    (loop $next
      (i32.store 1 (i32.const 0) (i32.add (i32.load 1 (i32.const 0)) (i32.const 1)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.load 1 (i32.const 0)))

  (func (export "atomicShared") (param $n i32) (result i32)
    (local $i i32)
    (i32.store 1 (i32.const 0) (i32.const 0))
    (loop $next
      (drop (i32.atomic.rmw.add 1 (i32.const 0) (i32.const 1)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.load 1 (i32.const 0))))
