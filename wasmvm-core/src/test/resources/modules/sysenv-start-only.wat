;; No exported entry point: the start function is the program (it writes "started\n").
(module
  (import "sys_fs" "write" (func $write (param i32 i64 i64) (result i32)))
  (memory i64 1)
  (data (i64.const 0) "started\n")
  (func $init (drop (call $write (i32.const 1) (i64.const 0) (i64.const 8))))
  (start $init))
