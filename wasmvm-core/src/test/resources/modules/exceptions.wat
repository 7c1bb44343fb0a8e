;; Exception handling across frames, host functions, tiers and limits (ExceptionsTest). Legacy
;; try/catch syntax: the Debian wabt (1.0.32) predates try_table, which the spec suite covers.
(module
  (import "host" "tag" (tag $host (param i32)))
  ;; the host's function: throws $host, calls back into "thrower", or returns, by its argument
  (import "host" "call" (func $host_call (param i32) (result i32)))
  (tag $e (export "e") (param i32))
  (tag $other (export "other") (param i64 f64))

  (func $thrower (export "thrower") (param i32)
    (throw $e (local.get 0)))
  (func $throws_other (export "throws-other")
    (throw $other (i64.const -5) (f64.const 2.5)))

  ;; 1000 + payload for $e, 2000 + payload for the host's tag, else what the host returned
  (func (export "catch-host") (param i32) (result i32)
    (try (result i32)
      (do (call $host_call (local.get 0)))
      (catch $e (i32.add (i32.const 1000)))
      (catch $host (i32.add (i32.const 2000)))))

  ;; no exception instruction: the exception passes through its frame
  (func $middle (export "middle") (param i32) (result i32)
    (call $thrower (local.get 0))
    (i32.const -1))
  (func (export "catch-through-middle") (param i32) (result i32)
    (try (result i32) (do (call $middle (local.get 0))) (catch $e)))

  ;; throws $e 7 at depth n
  (func $recurse (param i32)
    (if (i32.eqz (local.get 0)) (then (throw $e (i32.const 7))))
    (call $recurse (i32.sub (local.get 0) (i32.const 1))))
  ;; the same recursion with no exception instruction of its own (compiled on the compiling engines)
  (func $recurse_plain (param i32)
    (if (i32.eqz (local.get 0)) (then (call $thrower (i32.const 8))))
    (call $recurse_plain (i32.sub (local.get 0) (i32.const 1))))
  (func (export "deep-catch") (param i32) (result i32)
    (try (result i32) (do (call $recurse (local.get 0)) (i32.const -1)) (catch $e)))
  (func (export "deep-catch-plain") (param i32) (result i32)
    (try (result i32) (do (call $recurse_plain (local.get 0)) (i32.const -1)) (catch $e)))
  (func (export "deep-uncaught") (param i32)
    (call $recurse (local.get 0)))

  ;; n iterations of a call that throws (caught), and of one that returns
  (func $throw_nothing)
  (func $throw_e (throw $e (i32.const 0)))
  (func (export "throw-loop") (param i32)
    (loop $l
      (try (do (call $throw_e)) (catch_all))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))))
  (func (export "return-loop") (param i32)
    (loop $l
      (try (do (call $throw_nothing)) (catch_all))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))))

  ;; rethrow from a catch, and delegate to the caller, each through one more frame
  (func $rethrower (param i32)
    (try (do (call $thrower (local.get 0))) (catch $e (drop) (rethrow 0))))
  (func $delegator (param i32)
    (try (do (call $rethrower (local.get 0))) (delegate 0)))
  (func (export "catch-rethrown") (param i32) (result i32)
    (try (result i32) (do (call $delegator (local.get 0)) (i32.const -1)) (catch $e)))
)
