;; SIMD through the public API: v128 parameters, results, globals, a typed host function, and a 16-byte
;; store that does not fit. "dead" has its vector instructions only after a return, which lowering steps
;; over with their immediates: the constant's bytes read as instructions would be ref.null and unclosed blocks.
(module
  (import "host" "swap" (func $swap (param v128) (result v128)))
  (memory (export "memory") 1)
  (global $g (export "g") (mut v128) (v128.const i32x4 1 2 3 4))
  (func $splat (export "splat") (result i32)
    (i32x4.extract_lane 3 (i32x4.splat (i32.const 7))))
  (func (export "add") (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1)))
  (func (export "swap-twice") (param v128) (result v128)
    (call $swap (call $swap (local.get 0))))
  (func (export "add-global") (param v128)
    (global.set $g (i32x4.add (global.get $g) (local.get 0))))
  (func (export "store-load") (param i32 v128) (result v128)
    (v128.store (local.get 0) (local.get 1))
    (v128.load (local.get 0)))
  (func (export "zero-local") (result v128) (local v128)
    (local.get 0))
  (func $dead (export "dead") (result i32)
    i32.const 7
    return
    v128.const i8x16 0xd0 0x70 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02
    i32.const 0
    v128.const i64x2 0 0
    v128.load8_lane offset=11 15
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
    i32x4.extract_lane 0)
)
