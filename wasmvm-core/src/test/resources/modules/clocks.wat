;; clocks.wasm: what a guest reads of the run's clocks and random bytes, for ReproducibleRunTest
;; (and the CLI's ReproducibleCommandTest).
;; A wasm32 WASI command that also imports sys_proc's clock_gettime (sysenv pointers are i64).
;; _start writes 56 bytes to stdout: WASI realtime u64 | WASI monotonic u64 | sysenv realtime
;; timespec (12) | sysenv monotonic timespec (12) | 16 bytes of random_get, all little-endian.
;; poll_realtime(deadline) waits in poll_oneoff for an absolute deadline on the realtime clock.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "sys_proc" "clock_gettime" (func $clock_gettime (param i32 i64) (result i32)))
  (memory (export "memory") 1)

  (func (export "_start")
    (drop (call $clock_time_get (i32.const 0) (i64.const 0) (i32.const 0)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 0) (i32.const 8)))
    (drop (call $clock_gettime (i32.const 0) (i64.const 16)))
    (drop (call $clock_gettime (i32.const 1) (i64.const 28)))
    (drop (call $random_get (i32.const 40) (i32.const 16)))
    (i32.store (i32.const 100) (i32.const 0))     ;; iovec: the 56 bytes at 0
    (i32.store (i32.const 104) (i32.const 56))
    (drop (call $fd_write (i32.const 1) (i32.const 100) (i32.const 1) (i32.const 108))))

  ;; one subscription at 200: the realtime clock, absolute; its event at 300; the errno is returned
  (func (export "poll_realtime") (param $deadline i64) (result i32)
    (i64.store (i32.const 200) (i64.const 7))        ;; userdata
    (i32.store8 (i32.const 208) (i32.const 0))       ;; tag: clock
    (i32.store (i32.const 216) (i32.const 0))        ;; id: realtime
    (i64.store (i32.const 224) (local.get $deadline));; timeout
    (i64.store (i32.const 232) (i64.const 0))        ;; precision
    (i32.store16 (i32.const 240) (i32.const 1))      ;; flags: SUBCLOCKFLAG_ABSTIME
    (call $poll_oneoff (i32.const 200) (i32.const 300) (i32.const 1) (i32.const 400))))
