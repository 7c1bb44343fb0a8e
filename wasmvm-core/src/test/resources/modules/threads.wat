;; Threads front end (issue 24): a shared memory and atomic instructions.
(module
  (memory (export "mem") 1 2 shared)
  (func (export "add") (result i32)
    (i32.atomic.rmw.add (i32.const 0) (i32.const 5)))
  (func (export "fence") (result i32)
    atomic.fence
    (i32.const 3))
  (func (export "dead") (result i32)
    (return (i32.const 7))
    (drop (i64.atomic.rmw32.cmpxchg_u (i32.const 0) (i64.const 1) (i64.const 2))))
  (func (export "plain") (result i32)
    (i32.store (i32.const 8) (i32.const 9))
    (i32.load (i32.const 8))))
