;; Exception handling in compiled code where the JVM's handlers differ from wasm's (ExceptionCompilationTest).
;; Legacy try/catch syntax: the Debian wabt (1.0.32) predates try_table; the test builds those in Java.
(module
  (tag $e (export "e") (param i32))
  (tag $wide (param i64))

  ;; throws $e x unless x is 0
  (func $thrower (param $x i32) (result i32)
    (if (local.get $x) (then (throw $e (local.get $x))))
    (i32.const 0))

  ;; 100 + x + 5: a value waits below the try, and a local set in the try is seen by its catch
  (func (export "below-and-local") (param $x i32) (result i32)
    (local $l i32)
    (i32.const 100)
    (try (result i32)
      (do
        (local.set $l (i32.const 5))
        (call $thrower (local.get $x)))
      (catch $e (i32.add (local.get $l))))
    (i32.add))

  ;; 1000 + the sum of 0..n-1: the loop runs inside a try with a value below it, then the sum is thrown and caught
  (func (export "loop-in-try") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (i64.const 1000)
    (try (result i64)
      (do
        (loop $l
          (local.set $acc (i64.add (local.get $acc) (local.get $i)))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
        (throw $wide (local.get $acc)))
      (catch $wide))
    (i64.add))

  ;; n + 1 + the loop's count (n): the exception a catch caught is thrown again after a long loop in its body
  (func (export "loop-in-catch") (param $n i64) (result i64)
    (local $i i64)
    (try (result i64)
      (do
        (try (result i64)
          (do (throw $wide (local.get $n)))
          (catch $wide
            (drop)
            (loop $l
              (local.set $i (i64.add (local.get $i) (i64.const 1)))
              (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
            (rethrow 0))))
      (catch $wide (i64.add (i64.add (local.get $i)) (i64.const 1)))))

  ;; throws $e x with 600 locals, so that they live in arrays in compiled code
  (func $big-thrower (param $x i32) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 1 (i64.extend_i32_u (local.get $x)))
    (throw $e (i32.wrap_i64 (local.get 1))))
  ;; catches n exceptions of $big-thrower, summing their payloads: every frame left gives its array slots back
  (func (export "big-frames-caught") (param $n i32) (result i32)
    (local $sum i32)
    (loop $l
      (try
        (do (call $big-thrower (local.get $n)))
        (catch $e (local.set $sum (i32.add (local.get $sum))))
        )
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum))
)
