;; Exception handling that decodes and validates but does not run yet: calling "throws" traps with
;; TrapKind.UNSUPPORTED on every engine, and "plain" (no exception instructions) still runs.
(module
  (tag $e (param i32))
  (func $throws (export "throws") (result i32)
    (try (result i32) (do (throw $e (i32.const 42))) (catch $e)))
  (func $plain (export "plain") (result i32) (i32.const 7))
)
