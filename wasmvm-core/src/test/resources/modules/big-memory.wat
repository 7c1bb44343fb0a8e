;; A memory64 memory grown past 4 GiB; loads and stores near its top.
(module
  (memory (export "memory") i64 1)
  (func (export "grow") (param $pages i64) (result i64)
    (memory.grow (local.get $pages)))
  (func (export "size") (result i64) (memory.size))
  (func (export "store") (param $addr i64) (param $value i64)
    (i64.store (local.get $addr) (local.get $value)))
  (func (export "load") (param $addr i64) (result i64)
    (i64.load (local.get $addr)))
  (func (export "load_offset") (param $addr i64) (result i64)
    (i64.load offset=0xffff0000 (local.get $addr))))
