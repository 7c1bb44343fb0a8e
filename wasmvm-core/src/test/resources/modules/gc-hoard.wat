;; GcCollectionTest's heap-exhaustion workload: a list of structs that only grows, so that the heap runs out in
;; struct.new itself (no array, whose allocation has a check of its own); "small" allocates one struct afterwards.
;; Assembled with binaryen's wasm-as (see regenerate.sh).
(module
  (type $node (struct (field (ref null $node)) (field i64)))
  (func (export "hoard") (result i32)
    (local $list (ref null $node))
    (loop $grow
      (local.set $list (struct.new $node (local.get $list) (i64.const 0)))
      (br $grow))
    (i32.const 0))
  (func (export "small") (result i64)
    (struct.get $node 1 (struct.new $node (ref.null $node) (i64.const 42)))))
