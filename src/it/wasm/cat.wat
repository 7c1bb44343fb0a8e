;; cat.wasm: copies standard input to standard output, then says so on standard error.
(module
  (import "sys_fs" "read" (func $read (param i32 i64 i64) (result i32)))
  (import "sys_fs" "write" (func $write (param i32 i64 i64) (result i32)))
  (memory (export "memory") i64 1)
  (data (i64.const 0) "cat: done\n")  ;; 0, 10
  (func (export "_start")
    (local $n i32)
    (block $eof
      (loop $copy
        (local.set $n (call $read (i32.const 0) (i64.const 1024) (i64.const 4096)))
        (br_if $eof (i32.le_s (local.get $n) (i32.const 0)))
        (drop (call $write (i32.const 1) (i64.const 1024) (i64.extend_i32_u (local.get $n))))
        (br $copy)))
    (drop (call $write (i32.const 2) (i64.const 0) (i64.const 10)))))
