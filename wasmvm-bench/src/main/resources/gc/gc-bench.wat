;; GcBench's loops, each of n iterations returning an i32 sum that the benchmark checks:
;; "structs" allocates a struct per iteration (kept in a ring of 16, so that it escapes), "arrays" allocates a
;; 64-element array, fills it and reads an element, "casts" tests and casts ring elements of two struct types to
;; the subtype and reads a field, "fields" reads a field of a ring element.
;; Assembled with binaryen's wasm-as: npx -p binaryen@132.0.0 wasm-as --all-features gc-bench.wat -o gc-bench.wasm
(module
  (type $shape (sub (struct (field (mut i32)))))
  (type $circle (sub $shape (struct (field (mut i32)) (field i32))))
  (type $ints (array (mut i32)))
  (type $ring (array (mut (ref null $shape))))
  (type $any-ring (array (mut anyref)))

  (func $ring (result (ref $ring))
    (local $ring (ref $ring))
    (local $i i32)
    (local.set $ring (array.new_default $ring (i32.const 16)))
    (loop $fill
      (array.set $ring (local.get $ring) (local.get $i) (struct.new $shape (local.get $i)))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 16))))
    (local.get $ring))

  (func (export "structs") (param $n i32) (result i32)
    (local $ring (ref $ring))
    (local $i i32)
    (local $sum i32)
    (local.set $ring (call $ring))
    (loop $loop
      (array.set $ring (local.get $ring) (i32.and (local.get $i) (i32.const 15))
        (struct.new $circle (local.get $i) (i32.const 1)))
      (local.set $sum (i32.add (local.get $sum)
        (struct.get $shape 0 (array.get $ring (local.get $ring) (i32.and (local.get $i) (i32.const 15))))))
      (br_if $loop (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))

  (func (export "arrays") (param $n i32) (result i32)
    (local $keep (ref $any-ring))
    (local $array (ref $ints))
    (local $i i32)
    (local $sum i32)
    (local.set $keep (array.new_default $any-ring (i32.const 16)))
    (loop $loop
      (local.set $array (array.new_default $ints (i32.const 64)))
      (array.fill $ints (local.get $array) (i32.const 0) (local.get $i) (i32.const 64))
      (array.set $any-ring (local.get $keep) (i32.and (local.get $i) (i32.const 15)) (local.get $array))
      (local.set $sum (i32.add (local.get $sum)
        (array.get $ints (local.get $array) (i32.and (local.get $i) (i32.const 63)))))
      (br_if $loop (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))

  (func (export "casts") (param $n i32) (result i32)
    (local $objects (ref $any-ring))
    (local $object anyref)
    (local $i i32)
    (local $sum i32)
    (local.set $objects (array.new_default $any-ring (i32.const 16)))
    (loop $fill ;; circles at the odd indices, shapes at the even ones
      (array.set $any-ring (local.get $objects) (local.get $i)
        (if (result anyref) (i32.and (local.get $i) (i32.const 1))
          (then (struct.new $circle (i32.const 1) (i32.const 2)))
          (else (struct.new $shape (i32.const 1)))))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 16))))
    (local.set $i (i32.const 0))
    (loop $loop
      (local.set $object (array.get $any-ring (local.get $objects) (i32.and (local.get $i) (i32.const 15))))
      (local.set $sum (i32.add (local.get $sum)
        (if (result i32) (ref.test (ref $circle) (local.get $object))
          (then (struct.get $circle 1 (ref.cast (ref $circle) (local.get $object))))
          (else (struct.get $shape 0 (ref.cast (ref $shape) (local.get $object)))))))
      (br_if $loop (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))

  (func (export "fields") (param $n i32) (result i32)
    (local $ring (ref $ring))
    (local $i i32)
    (local $sum i32)
    (local.set $ring (call $ring))
    (loop $loop
      (local.set $sum (i32.add (local.get $sum)
        (struct.get $shape 0 (array.get $ring (local.get $ring) (i32.and (local.get $i) (i32.const 15))))))
      (br_if $loop (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum)))
