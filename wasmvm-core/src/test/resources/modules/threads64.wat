(module
  (memory i64 1 1 shared)
  (func (export "wait") (result i32)
    (memory.atomic.wait64 (i64.const 0) (i64.const 0) (i64.const 10)))
  (func (export "load") (result i64)
    (i64.atomic.load16_u (i64.const 2))))
