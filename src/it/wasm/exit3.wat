;; exit3.wasm: says it is failing on standard error and exits with code 3.
(module
  (import "sys_fs" "write" (func $write (param i32 i64 i64) (result i32)))
  (import "sys_proc" "exit" (func $exit (param i32)))
  (memory (export "memory") i64 1)
  (data (i64.const 0) "exit3: failing on purpose\n")  ;; 0, 26
  (func (export "_start")
    (drop (call $write (i32.const 2) (i64.const 0) (i64.const 26)))
    (call $exit (i32.const 3))
    (unreachable)))
