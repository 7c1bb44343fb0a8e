;; SIMD that decodes and validates but does not run yet: calling "splat" traps with TrapKind.UNSUPPORTED on
;; every engine. "dead" has its vector instructions only after a return, which lowering steps over with their
;; immediates, so it runs: the constant's bytes read as instructions would be ref.null and unclosed blocks.
(module
  (memory 1)
  (func $splat (export "splat") (result i32)
    (i32x4.extract_lane 3 (i32x4.splat (i32.const 7))))
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
