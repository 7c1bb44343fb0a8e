;; A main module whose start function bumps the counter after its dependency "starter"'s start did:
;; exits with 10 * (what main's start saw) + (what starter's start saw), 21 in that order.
(module
  (import "counter" "bump" (func $bump (result i32)))
  (import "starter" "seen" (func $starter_seen (result i32)))
  (global $seen (mut i32) (i32.const 0))
  (func $init (global.set $seen (call $bump)))
  (start $init)
  (func (export "main") (result i32)
    (i32.add (i32.mul (global.get $seen) (i32.const 10)) (call $starter_seen))))
