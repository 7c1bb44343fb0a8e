;; hello.wasm: greets, shows its arguments and a few environment variables, writes hello.txt in its
;; working directory and tries (and fails) to write /../escape.txt, outside its root. Uses the sysenv ABI (DESIGN section 3):
;; i64 pointers and lengths, memory 0 is a memory64 memory.
(module
  (import "sys_fs" "write" (func $write (param i32 i64 i64) (result i32)))
  (import "sys_fs" "open" (func $open (param i64 i64 i32 i32) (result i32)))
  (import "sys_fs" "close" (func $close (param i32) (result i32)))
  (import "sys_proc" "argc" (func $argc (result i32)))
  (import "sys_proc" "argv" (func $argv (param i32 i64 i64) (result i32)))
  (import "sys_proc" "getenv" (func $getenv (param i64 i64 i64 i64) (result i32)))
  (memory (export "memory") i64 1)

  (data (i64.const 0) "Hello from wasm!\n")          ;; 0, 17
  (data (i64.const 32) "argc=")                       ;; 32, 5
  (data (i64.const 40) "argv[")                       ;; 40, 5
  (data (i64.const 48) "]=")                          ;; 48, 2
  (data (i64.const 56) "\n")                          ;; 56, 1
  (data (i64.const 64) "=")                           ;; 64, 1
  (data (i64.const 72) " is unset")                   ;; 72, 9
  (data (i64.const 96) "GREETING")                    ;; 96, 8
  (data (i64.const 112) "PATH")                       ;; 112, 4
  (data (i64.const 120) "HOME")                       ;; 120, 4
  (data (i64.const 128) "hello.wasm writes to stderr\n")  ;; 128, 28
  (data (i64.const 160) "/../escape.txt")             ;; 160, 14
  (data (i64.const 176) "open /../escape.txt -> ")    ;; 176, 23
  (data (i64.const 208) "hello.txt")                  ;; 208, 9
  (data (i64.const 224) "written by hello.wasm\n")    ;; 224, 22
  (data (i64.const 256) "open hello.txt failed=")     ;; 256, 22

  ;; buffers: 4096 argv, 8192 env values, 12288 digits

  (func $print (param $fd i32) (param $ptr i64) (param $len i64)
    (drop (call $write (local.get $fd) (local.get $ptr) (local.get $len))))

  (func $out (param $ptr i64) (param $len i64)
    (call $print (i32.const 1) (local.get $ptr) (local.get $len)))

  ;; prints a signed i32 in decimal to stdout
  (func $print_int (param $v i32)
    (local $p i64) (local $neg i32) (local $u i32)
    (local.set $p (i64.const 12320))
    (local.set $neg (i32.lt_s (local.get $v) (i32.const 0)))
    (local.set $u (select (i32.sub (i32.const 0) (local.get $v)) (local.get $v) (local.get $neg)))
    (loop $digits
      (local.set $p (i64.sub (local.get $p) (i64.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $u) (i32.const 10))))
      (local.set $u (i32.div_u (local.get $u) (i32.const 10)))
      (br_if $digits (local.get $u)))
    (if (local.get $neg)
      (then
        (local.set $p (i64.sub (local.get $p) (i64.const 1)))
        (i32.store8 (local.get $p) (i32.const 45))))
    (call $out (local.get $p) (i64.sub (i64.const 12320) (local.get $p))))

  ;; NAME=value or "NAME is unset"
  (func $show_env (param $name i64) (param $len i64)
    (local $n i32)
    (call $out (local.get $name) (local.get $len))
    (local.set $n (call $getenv (local.get $name) (local.get $len) (i64.const 8192) (i64.const 4096)))
    (if (i32.ge_s (local.get $n) (i32.const 0))
      (then
        (call $out (i64.const 64) (i64.const 1))
        (call $out (i64.const 8192) (i64.extend_i32_u (local.get $n))))
      (else
        (call $out (i64.const 72) (i64.const 9))))
    (call $out (i64.const 56) (i64.const 1)))

  (func (export "_start")
    (local $i i32) (local $n i32) (local $fd i32)
    (call $out (i64.const 0) (i64.const 17))
    (call $out (i64.const 32) (i64.const 5))
    (call $print_int (call $argc))
    (call $out (i64.const 56) (i64.const 1))
    (block $done
      (loop $args
        (br_if $done (i32.ge_s (local.get $i) (call $argc)))
        (local.set $n (call $argv (local.get $i) (i64.const 4096) (i64.const 4096)))
        (call $out (i64.const 40) (i64.const 5))
        (call $print_int (local.get $i))
        (call $out (i64.const 48) (i64.const 2))
        (call $out (i64.const 4096) (i64.extend_i32_u (local.get $n)))
        (call $out (i64.const 56) (i64.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $args)))
    (call $show_env (i64.const 96) (i64.const 8))
    (call $show_env (i64.const 112) (i64.const 4))
    (call $show_env (i64.const 120) (i64.const 4))
    (call $print (i32.const 2) (i64.const 128) (i64.const 28))
    ;; the sandbox: leaving the root fails with -EACCES (-13)
    (local.set $fd (call $open (i64.const 160) (i64.const 14) (i32.const 0x241) (i32.const 420)))
    (call $out (i64.const 176) (i64.const 23))
    (call $print_int (local.get $fd))
    (call $out (i64.const 56) (i64.const 1))
    ;; a file inside the root
    (local.set $fd (call $open (i64.const 208) (i64.const 9) (i32.const 0x241) (i32.const 420)))
    (call $out (i64.const 256) (i64.const 22))
    (call $print_int (i32.lt_s (local.get $fd) (i32.const 0)))
    (call $out (i64.const 56) (i64.const 1))
    (if (i32.ge_s (local.get $fd) (i32.const 0))
      (then
        (drop (call $write (local.get $fd) (i64.const 224) (i64.const 22)))
        (drop (call $close (local.get $fd)))))))
