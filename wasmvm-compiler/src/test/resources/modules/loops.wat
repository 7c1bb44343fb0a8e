;; Endless loops with calls in them: unmetered compiled code skips a back-edge's tick only where
;; the iteration certainly called a function of this module (whose entry looks at the stop flag).
(module
  (func $leaf (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 1)))

  ;; every iteration calls $leaf
  (func (export "calling")
    (local $i i32)
    (loop $l
      (local.set $i (call $leaf (local.get $i)))
      (br $l)))

  ;; $leaf only on a path never taken (when $never is 0): the back-edge must count
  (func (export "rarely_calling") (param $never i32)
    (local $i i32)
    (loop $l
      (if (local.get $never)
        (then (local.set $i (call $leaf (local.get $i)))))
      (br $l)))

  ;; the first back-edge comes before the call (and is taken on every other iteration), the second after it
  (func (export "calling_late")
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.and (local.get $i) (i32.const 1)))
      (local.set $i (call $leaf (local.get $i)))
      (br $l)))

  ;; the call is in a block the loop's back-edge follows
  (func (export "calling_in_block") (param $never i32)
    (local $i i32)
    (loop $l
      (block $b
        (br_if $b (i32.eqz (local.get $never)))
        (local.set $i (call $leaf (local.get $i))))
      (br $l)))
)
