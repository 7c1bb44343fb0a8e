;; Table and memory growth against RuntimeLimits (ResourceLimitsTest).
(module
  (memory (export "mem") 1)
  (table $t (export "tab") 1 funcref)
  (func (export "memory_grow") (param i32) (result i32)
    (memory.grow (local.get 0)))
  (func (export "memory_size") (result i32) (memory.size))
  (func (export "table_grow") (param i32) (result i32)
    (table.grow $t (ref.null func) (local.get 0)))
  (func (export "table_size") (result i32) (table.size $t)))
