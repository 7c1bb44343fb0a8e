;; wasi-tool.wasm: a WASI preview1 command (wasm32, imports only wasi_snapshot_preview1), as a C
;; program built with wasi-libc would use it. Usage: wasi-tool OUTPUT
;;  - finds its preopened directories by name (fd_prestat_get / fd_prestat_dir_name from fd 3 on),
;;  - reads input.txt from the preopen "/data" and upper-cases it,
;;  - checks that "/data" refuses a new file (it is mapped read-only) and prints the errno,
;;  - writes a report to OUTPUT (argv[1]) relative to the preopen "." (the working directory),
;;    else "/" (the root),
;;  - prints progress on stdout and exits with proc_exit(0); on an error it prints it on stderr and
;;    exits with proc_exit(1).
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  ;; strings (offset, length)
  (data (i32.const 0) "wasi-tool: hello from a wasm32 WASI command\n")        ;; 0, 44
  (data (i32.const 64) "usage: wasi-tool OUTPUT\n")                            ;; 64, 24
  (data (i32.const 96) "/data")                                                ;; 96, 5
  (data (i32.const 104) "/")                                                   ;; 104, 1
  (data (i32.const 108) ".")                                                   ;; 108, 1
  (data (i32.const 112) "input.txt")                                           ;; 112, 9
  (data (i32.const 124) "denied.txt")                                          ;; 124, 10
  (data (i32.const 136) "wasi-tool: no preopened directory /data\n")           ;; 136, 40
  (data (i32.const 180) "wasi-tool: cannot open /data/input.txt: errno ")      ;; 180, 46
  (data (i32.const 228) "wasi-tool: /data is writable, but it is mapped read-only\n") ;; 228, 57
  (data (i32.const 288) "wasi-tool: /data is read-only: path_open(O_CREAT) gave errno ") ;; 288, 61
  (data (i32.const 352) "wasi-tool: cannot create the output file: errno ")    ;; 352, 48
  (data (i32.const 404) "read ")                                               ;; 404, 5
  (data (i32.const 412) " bytes from /data/input.txt, upper-cased:\n")         ;; 412, 42
  (data (i32.const 456) "wasi-tool: wrote ")                                   ;; 456, 17
  (data (i32.const 476) " bytes to ")                                          ;; 476, 10
  (data (i32.const 488) "\n")                                                  ;; 488, 1
  (data (i32.const 492) "wasi-tool: read ")                                    ;; 492, 16
  (data (i32.const 508) " bytes from fd ")                                     ;; 508, 15
  (data (i32.const 524) ", preopened as /data\n")                              ;; 524, 21

  ;; scratch: 1024 prestat (8), 1032 nwritten/nread, 1036 opened fd, 1040 argc, 1044 argv size,
  ;; 1048 iovec (8), 1064..1088 digits, 1100..1356 a preopen's name, 2048 argv[], 2304 argv
  ;; strings (up to 1792 bytes), 4096.. the input (up to 16 KiB)

  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 1048) (local.get $ptr))
    (i32.store (i32.const 1052) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 1048) (i32.const 1) (i32.const 1032))))

  ;; writes $n in decimal
  (func $write_u32 (param $fd i32) (param $n i32)
    (local $p i32)
    (local.set $p (i32.const 1088))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $n)))
    (call $write (local.get $fd) (local.get $p) (i32.sub (i32.const 1088) (local.get $p))))

  ;; stderr: the message and the errno, then proc_exit(1)
  (func $fail (param $ptr i32) (param $len i32) (param $errno i32)
    (call $write (i32.const 2) (local.get $ptr) (local.get $len))
    (if (i32.ge_s (local.get $errno) (i32.const 0))
      (then
        (call $write_u32 (i32.const 2) (local.get $errno))
        (call $write (i32.const 2) (i32.const 488) (i32.const 1))))
    (call $proc_exit (i32.const 1))
    (unreachable))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end
      (loop $next
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func $equal (param $a i32) (param $b i32) (param $len i32) (result i32)
    (local $i i32)
    (block $differ
      (loop $next
        (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const 1))))
        (br_if $differ (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                               (i32.load8_u (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; the fd of the preopened directory named (name, len), else -1
  (func $find_preopen (param $name i32) (param $len i32) (result i32)
    (local $fd i32)
    (local $n i32)
    (local.set $fd (i32.const 3))
    (loop $next
      ;; EBADF: past the last preopen
      (if (call $fd_prestat_get (local.get $fd) (i32.const 1024)) (then (return (i32.const -1))))
      (local.set $n (i32.load (i32.const 1028)))
      (if (i32.and (i32.eq (local.get $n) (local.get $len)) (i32.le_u (local.get $n) (i32.const 256)))
        (then
          (if (i32.eqz (call $fd_prestat_dir_name (local.get $fd) (i32.const 1100) (local.get $n)))
            (then
              (if (call $equal (i32.const 1100) (local.get $name) (local.get $len))
                (then (return (local.get $fd))))))))
      (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
      (br $next))
    (i32.const -1))

  (func (export "_start")
    (local $data i32) (local $dir i32) (local $in i32) (local $out i32) (local $err i32)
    (local $size i32) (local $n i32) (local $i i32) (local $c i32) (local $outPath i32) (local $outLen i32)
    (call $write (i32.const 1) (i32.const 0) (i32.const 44))

    ;; argv[1]
    (drop (call $args_sizes_get (i32.const 1040) (i32.const 1044)))
    (if (i32.or (i32.lt_u (i32.load (i32.const 1040)) (i32.const 2))
                (i32.or (i32.gt_u (i32.load (i32.const 1040)) (i32.const 64))
                        (i32.gt_u (i32.load (i32.const 1044)) (i32.const 1792))))
      (then (call $fail (i32.const 64) (i32.const 24) (i32.const -1))))
    (drop (call $args_get (i32.const 2048) (i32.const 2304)))
    (local.set $outPath (i32.load (i32.const 2052)))
    (local.set $outLen (call $strlen (local.get $outPath)))

    ;; /data/input.txt, read whole (fd_read until 0 bytes), upper-cased
    (local.set $data (call $find_preopen (i32.const 96) (i32.const 5)))
    (if (i32.lt_s (local.get $data) (i32.const 0))
      (then (call $fail (i32.const 136) (i32.const 40) (i32.const -1))))
    (local.set $err (call $path_open (local.get $data) (i32.const 0) (i32.const 112) (i32.const 9)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 1036)))   ;; rights: fd_read
    (if (local.get $err) (then (call $fail (i32.const 180) (i32.const 46) (local.get $err))))
    (local.set $in (i32.load (i32.const 1036)))
    (block $eof
      (loop $more
        (br_if $eof (i32.ge_u (local.get $size) (i32.const 16384)))
        (i32.store (i32.const 1048) (i32.add (i32.const 4096) (local.get $size)))
        (i32.store (i32.const 1052) (i32.sub (i32.const 16384) (local.get $size)))
        (local.set $err (call $fd_read (local.get $in) (i32.const 1048) (i32.const 1) (i32.const 1032)))
        (if (local.get $err) (then (call $fail (i32.const 180) (i32.const 46) (local.get $err))))
        (local.set $n (i32.load (i32.const 1032)))
        (br_if $eof (i32.eqz (local.get $n)))
        (local.set $size (i32.add (local.get $size) (local.get $n)))
        (br $more)))
    (drop (call $fd_close (local.get $in)))
    (call $write (i32.const 1) (i32.const 492) (i32.const 16))
    (call $write_u32 (i32.const 1) (local.get $size))
    (call $write (i32.const 1) (i32.const 508) (i32.const 15))
    (call $write_u32 (i32.const 1) (local.get $data))
    (call $write (i32.const 1) (i32.const 524) (i32.const 21))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $c (i32.load8_u (i32.add (i32.const 4096) (local.get $i))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
          (then (i32.store8 (i32.add (i32.const 4096) (local.get $i)) (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))

    ;; /data is read-only: creating a file there must fail
    (local.set $err (call $path_open (local.get $data) (i32.const 0) (i32.const 124) (i32.const 10)
      (i32.const 9) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 1036)))  ;; O_CREAT|O_TRUNC, fd_write
    (if (i32.eqz (local.get $err)) (then (call $fail (i32.const 228) (i32.const 57) (i32.const -1))))
    (call $write (i32.const 1) (i32.const 288) (i32.const 61))
    (call $write_u32 (i32.const 1) (local.get $err))
    (call $write (i32.const 1) (i32.const 488) (i32.const 1))

    ;; the report, relative to "." (else "/")
    (local.set $dir (call $find_preopen (i32.const 108) (i32.const 1)))
    (if (i32.lt_s (local.get $dir) (i32.const 0))
      (then (local.set $dir (call $find_preopen (i32.const 104) (i32.const 1)))))
    (local.set $err (call $path_open (local.get $dir) (i32.const 0) (local.get $outPath) (local.get $outLen)
      (i32.const 9) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 1036)))
    (if (local.get $err) (then (call $fail (i32.const 352) (i32.const 48) (local.get $err))))
    (local.set $out (i32.load (i32.const 1036)))
    (call $write (local.get $out) (i32.const 404) (i32.const 5))
    (call $write_u32 (local.get $out) (local.get $size))
    (call $write (local.get $out) (i32.const 412) (i32.const 42))
    (call $write (local.get $out) (i32.const 4096) (local.get $size))
    (drop (call $fd_close (local.get $out)))
    (call $write (i32.const 1) (i32.const 456) (i32.const 17))
    (call $write_u32 (i32.const 1) (local.get $size))
    (call $write (i32.const 1) (i32.const 476) (i32.const 10))
    (call $write (i32.const 1) (local.get $outPath) (local.get $outLen))
    (call $write (i32.const 1) (i32.const 488) (i32.const 1))
    (call $proc_exit (i32.const 0))))
