;; stdio-types.wasm: what a guest sees of its standard streams, for TerminalsTest (and the CLI's MainTest).
;; A wasm32 WASI command that also imports sys_fs's fstat (sysenv pointers are i64). For fds 0, 1
;; and 2, _start writes 4 bytes to stdout: fd_fdstat_get's filetype, wasi-libc's isatty of that (a
;; character device without the rights to seek and tell), fd_filestat_get's filetype, and the type
;; of sysenv's fstat (mode >> 12: 1 a pipe, 2 a character device). A call that fails traps.
(module
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "sys_fs" "fstat" (func $fstat (param i32 i64) (result i32)))
  (memory (export "memory") 1)

  (func $check (param $result i32)
    (if (local.get $result) (then unreachable)))

  ;; the fdstat at 0 (24 bytes), the filestat at 32 (64 bytes), the sysenv stat at 96 (56 bytes)
  (func $types (param $fd i32) (param $out i32)
    (call $check (call $fd_fdstat_get (local.get $fd) (i32.const 0)))
    (call $check (call $fd_filestat_get (local.get $fd) (i32.const 32)))
    (call $check (call $fstat (local.get $fd) (i64.const 96)))
    (i32.store8 (local.get $out) (i32.load8_u (i32.const 0)))
    (i32.store8 offset=1 (local.get $out)
      (i32.and (i32.eq (i32.load8_u (i32.const 0)) (i32.const 2))            ;; CHARACTER_DEVICE
               (i64.eqz (i64.and (i64.load (i32.const 8)) (i64.const 0x24))))) ;; FD_SEEK | FD_TELL
    (i32.store8 offset=2 (local.get $out) (i32.load8_u (i32.const 48)))       ;; filestat's filetype
    (i32.store8 offset=3 (local.get $out) (i32.shr_u (i32.load (i32.const 104)) (i32.const 12)))) ;; mode

  (func (export "_start")
    (call $types (i32.const 0) (i32.const 160))
    (call $types (i32.const 1) (i32.const 164))
    (call $types (i32.const 2) (i32.const 168))
    (i32.store (i32.const 200) (i32.const 160))   ;; iovec: the 12 bytes at 160
    (i32.store (i32.const 204) (i32.const 12))
    (call $check (call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))))
