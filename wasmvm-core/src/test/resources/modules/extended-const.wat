;; Extended constant expressions (Wasm 3.0): arithmetic, and global.get of imported and of earlier own
;; globals, in global initializers and segment offsets. ConstEvaluatorTest imports base = 100, base64 = 5.
(module
  (import "env" "base" (global $base i32))
  (import "env" "base64" (global $base64 i64))
  (global $sum (export "sum") i32 (i32.add (global.get $base) (i32.const 8)))
  (global $chain (export "chain") i32 (i32.mul (global.get $sum) (i32.const 3)))
  (global (export "i32-add-wraps") i32 (i32.add (i32.const 0x7fffffff) (i32.const 1)))
  (global (export "i32-sub-wraps") i32 (i32.sub (i32.const 0x80000000) (i32.const 1)))
  (global (export "i32-mul-wraps") i32 (i32.mul (i32.const 0x10001) (i32.const 0x10001)))
  (global (export "i64-sub") i64 (i64.sub (global.get $base64) (i64.const 7)))
  (global (export "i64-mul-wraps") i64 (i64.mul (i64.const 0x100000001) (i64.const 0x100000001)))
  (global (export "i64-add-wraps") i64 (i64.add (i64.const 0x7fffffffffffffff) (i64.const 2)))
  (memory (export "memory") 1)
  (data (i32.add (global.get $base) (i32.const 2)) "hi")
  (table (export "table") 400 funcref)
  (elem (i32.sub (global.get $chain) (i32.const 1)) func $f)
  (func $f))
