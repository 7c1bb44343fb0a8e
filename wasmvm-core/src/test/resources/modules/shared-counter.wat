;; Guest threads over imported shared memories (issue 24): each Java thread runs its own instance of this module.
;; env.memory is a 32-bit shared memory, env.memory64 a 64-bit one.
(module
  (import "env" "memory" (memory $m32 1 1 shared))
  (import "env" "memory64" (memory $m64 i64 1 1 shared))

  ;; n times: the i32 at 0 of memory and the i64 at 8 of memory64 grow by 1, atomically
  (func $count (export "count") (param $n i32)
    (local $i i32)
    (loop $again
      (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
      (drop (i64.atomic.rmw.add 1 (i64.const 8) (i64.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n)))))

  ;; A mutex at 16 (0 free, 1 locked, 2 locked with waiters): Drepper's "Futexes are tricky", mutex 2
  (func $lock
    (local $c i32)
    (local.set $c (i32.atomic.rmw.cmpxchg (i32.const 16) (i32.const 0) (i32.const 1)))
    (if (i32.eqz (local.get $c)) (then (return)))
    (if (i32.ne (local.get $c) (i32.const 2))
      (then (local.set $c (i32.atomic.rmw.xchg (i32.const 16) (i32.const 2)))))
    (block $acquired
      (loop $wait
        (br_if $acquired (i32.eqz (local.get $c)))
        (drop (memory.atomic.wait32 (i32.const 16) (i32.const 2) (i64.const -1)))
        (local.set $c (i32.atomic.rmw.xchg (i32.const 16) (i32.const 2)))
        (br $wait))))

  (func $unlock
    (if (i32.ne (i32.atomic.rmw.sub (i32.const 16) (i32.const 1)) (i32.const 1))
      (then
        (i32.atomic.store (i32.const 16) (i32.const 0))
        (drop (memory.atomic.notify (i32.const 16) (i32.const 1))))))

  ;; n times, under the mutex: the i32 at 24 grows by 1 with plain loads and stores
  (func $lockedCount (export "lockedCount") (param $n i32)
    (local $i i32)
    (loop $again
      (call $lock)
      (i32.store (i32.const 24) (i32.add (i32.load (i32.const 24)) (i32.const 1)))
      (call $unlock)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n)))))

  ;; waits at 32 of memory for its value to change from 0; no one notifies
  (func $waitForever (export "waitForever") (result i32)
    (memory.atomic.wait32 (i32.const 32) (i32.const 0) (i64.const -1))))
