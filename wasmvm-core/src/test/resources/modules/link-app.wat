;; A main module importing the library "counter" (found by the search rules): exits with the count after two bumps.
(module
  (import "counter" "bump" (func $bump (result i32)))
  (import "counter" "count" (func $count (result i32)))
  (func (export "main") (result i32)
    (drop (call $bump))
    (drop (call $bump))
    (call $count)))
