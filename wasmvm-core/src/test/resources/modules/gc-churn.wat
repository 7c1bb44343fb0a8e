;; GcCollectionTest's workload: allocates n structs, each holding a fresh array of `size` bytes, and keeps only the
;; last 16 alive in a ring; returns the sum of the arrays' lengths (n * size, modulo 2^32).
;; Assembled with binaryen's wasm-as (see regenerate.sh).
(module
  (type $bytes (array (mut i8)))
  (type $node (struct (field (ref $bytes))))
  (type $ring (array (mut (ref null $node))))
  (func (export "churn") (param $n i32) (param $size i32) (result i32)
    (local $ring (ref $ring))
    (local $i i32)
    (local $slot i32)
    (local $sum i32)
    (local.set $ring (array.new_default $ring (i32.const 16)))
    (loop $allocate
      (local.set $slot (i32.and (local.get $i) (i32.const 15)))
      (array.set $ring (local.get $ring) (local.get $slot)
        (struct.new $node (array.new_default $bytes (local.get $size))))
      (local.set $sum (i32.add (local.get $sum)
        (array.len (struct.get $node 0 (array.get $ring (local.get $ring) (local.get $slot))))))
      (br_if $allocate (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum)))
