;; GcTest's module: what the spec suite leaves out (packed, v128 and NaN storage, the host boundary, limits).
;; Assembled with binaryen's wasm-as (npm binaryen 132, see regenerate.sh): wabt 1.0.32 reads no GC text.
(module
  (type $point (struct (field $x (mut i32)) (field $y (mut i64))))
  (type $packed (struct (field (mut i8)) (field (mut i16))))
  (type $wide (struct (field (mut v128)) (field (mut anyref)) (field f64)))
  (type $bytes (array (mut i8)))
  (type $longs (array (mut i64)))
  (type $floats (array (mut f32)))
  (type $vectors (array (mut v128)))

  (func (export "point") (param i32 i64) (result (ref $point))
    (struct.new $point (local.get 0) (local.get 1)))
  (func (export "x") (param (ref null $point)) (result i32)
    (struct.get $point $x (local.get 0)))
  (func (export "bytes") (param i32) (result (ref $bytes))
    (array.new_default $bytes (local.get 0)))
  (func (export "longs") (param i32) (result (ref $longs))
    (array.new_default $longs (local.get 0)))

  ;; the i8 and i16 fields of one struct, each read sign- and zero-extended
  (func (export "packed") (param i32) (result i32 i32 i32 i32)
    (local $p (ref $packed))
    (local.set $p (struct.new $packed (local.get 0) (local.get 0)))
    (struct.get_s $packed 0 (local.get $p))
    (struct.get_u $packed 0 (local.get $p))
    (struct.get_s $packed 1 (local.get $p))
    (struct.get_u $packed 1 (local.get $p)))

  ;; a v128 field and a v128 array element, written and read back; an f64 field and an f32 element keep NaN payloads
  (func (export "v128-field") (param v128) (result v128)
    (struct.get $wide 0 (struct.new $wide (local.get 0) (ref.null any) (f64.const 0))))
  (func (export "v128-element") (param v128) (result v128)
    (local $a (ref $vectors))
    (local.set $a (array.new_default $vectors (i32.const 3)))
    (array.set $vectors (local.get $a) (i32.const 2) (local.get 0))
    (array.get $vectors (local.get $a) (i32.const 2)))
  (func (export "f64-field") (param f64) (result f64)
    (struct.get $wide 2 (struct.new $wide (v128.const i64x2 0 0) (ref.null any) (local.get 0))))
  (func (export "f32-element") (param f32) (result f32)
    (array.get $floats (array.new $floats (local.get 0) (i32.const 2)) (i32.const 1)))

  ;; i31s made apart from each other are equal when their values are
  (func (export "i31-eq") (param i32 i32) (result i32)
    (ref.eq (ref.i31 (local.get 0)) (ref.i31 (local.get 1))))
  (func (export "i31") (param i32) (result i31ref)
    (ref.i31 (local.get 0)))

  ;; a host's object crosses into anyref and back unchanged; it is not eq, a struct or an i31
  (func (export "internalize") (param externref) (result anyref)
    (any.convert_extern (local.get 0)))
  (func (export "externalize") (param anyref) (result externref)
    (extern.convert_any (local.get 0)))
  (func (export "is-eq") (param anyref) (result i32)
    (ref.test eqref (local.get 0)))
  (func (export "as-point") (param anyref) (result (ref $point))
    (ref.cast (ref $point) (local.get 0)))
)
