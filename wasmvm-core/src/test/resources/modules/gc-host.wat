;; GcTest's host boundary: a struct goes out to an imported host function as an anyref and comes back as a structref.
;; Assembled with binaryen's wasm-as (see regenerate.sh).
(module
  (type $point (struct (field i32)))
  (import "host" "pass" (func $pass (param anyref) (result structref)))
  (func (export "round-trip") (param i32) (result i32)
    (struct.get $point 0 (ref.cast (ref $point) (call $pass (struct.new $point (local.get 0)))))))
