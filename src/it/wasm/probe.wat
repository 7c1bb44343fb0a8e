;; probe.wasm: shows what a run sees of its working directory and file descriptors. Prints
;; "cwd=<cwd>" and "fd=<first fd it opens>", copies ./input.txt to standard output 200 times (so
;; that parallel runs overlap) and to ./out.txt, and writes "probe: done" on standard error.
(module
  (import "sys_fs" "open" (func $open (param i64 i64 i32 i32) (result i32)))
  (import "sys_fs" "close" (func $close (param i32) (result i32)))
  (import "sys_fs" "read" (func $read (param i32 i64 i64) (result i32)))
  (import "sys_fs" "write" (func $write (param i32 i64 i64) (result i32)))
  (import "sys_fs" "getcwd" (func $getcwd (param i64 i64) (result i32)))
  (memory (export "memory") i64 1)
  (data (i64.const 0) "input.txt")      ;; 0, 9
  (data (i64.const 16) "out.txt")       ;; 16, 7
  (data (i64.const 32) "cwd=")          ;; 32, 4
  (data (i64.const 40) "fd=")           ;; 40, 3
  (data (i64.const 48) "\n")            ;; 48, 1
  (data (i64.const 56) "probe: done\n") ;; 56, 12
  ;; 80: the fd digit; 1024: the cwd; 4096: the input
  (func (export "_start")
    (local $n i32) (local $fd i32) (local $len i32) (local $i i32)
    ;; cwd
    (local.set $n (call $getcwd (i64.const 1024) (i64.const 1024)))
    (drop (call $write (i32.const 1) (i64.const 32) (i64.const 4)))
    (if (i32.gt_s (local.get $n) (i32.const 1))
      (then (drop (call $write (i32.const 1) (i64.const 1024) (i64.extend_i32_u (i32.sub (local.get $n) (i32.const 1)))))))
    (drop (call $write (i32.const 1) (i64.const 48) (i64.const 1)))
    ;; fd of ./input.txt, as one digit ('!' for an error or fd >= 10)
    (local.set $fd (call $open (i64.const 0) (i64.const 9) (i32.const 0) (i32.const 0)))
    (i32.store8 (i64.const 80)
      (select (i32.add (local.get $fd) (i32.const 48)) (i32.const 33)
        (i32.and (i32.ge_s (local.get $fd) (i32.const 0)) (i32.lt_s (local.get $fd) (i32.const 10)))))
    (drop (call $write (i32.const 1) (i64.const 40) (i64.const 3)))
    (drop (call $write (i32.const 1) (i64.const 80) (i64.const 1)))
    (drop (call $write (i32.const 1) (i64.const 48) (i64.const 1)))
    (local.set $len (call $read (local.get $fd) (i64.const 4096) (i64.const 4096)))
    (if (i32.lt_s (local.get $len) (i32.const 0)) (then (local.set $len (i32.const 0))))
    (drop (call $close (local.get $fd)))
    ;; the input, 200 times
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (i32.const 200)))
        (drop (call $write (i32.const 1) (i64.const 4096) (i64.extend_i32_u (local.get $len))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    ;; ./out.txt (O_WRONLY|O_CREAT|O_TRUNC, 0644)
    (local.set $fd (call $open (i64.const 16) (i64.const 7) (i32.const 0x241) (i32.const 0x1a4)))
    (drop (call $write (local.get $fd) (i64.const 4096) (i64.extend_i32_u (local.get $len))))
    (drop (call $close (local.get $fd)))
    (drop (call $write (i32.const 2) (i64.const 56) (i64.const 12)))))
