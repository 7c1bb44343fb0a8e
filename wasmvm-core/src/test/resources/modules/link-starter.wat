;; A dependency with a start function: it bumps the counter and keeps what it saw.
(module
  (import "counter" "bump" (func $bump (result i32)))
  (global $seen (mut i32) (i32.const 0))
  (func $init (global.set $seen (call $bump)))
  (start $init)
  (func (export "seen") (result i32) (global.get $seen)))
