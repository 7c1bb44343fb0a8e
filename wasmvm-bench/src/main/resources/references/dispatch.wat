;; ReferenceBench: a loop of calls through a function table, as C++ virtual calls and Rust trait
;; objects compile. `run` fetches each callee as a funcref (table.get), tests it for null and keeps
;; the last in a funcref global, so it uses references; `runIndexed` makes the same calls with
;; call_indirect alone. run(n) = runIndexed(n) = the sum over i < n of op[i & 3](acc, i).
(module
  (type $op (func (param i64 i64) (result i64)))
  (table $ops 4 funcref)
  (global $last (mut funcref) (ref.null func))
  (elem (table $ops) (i32.const 0) func $add $xor $mul $sub)
  (func $add (type $op) (i64.add (local.get 0) (local.get 1)))
  (func $xor (type $op) (i64.xor (local.get 0) (local.get 1)))
  (func $mul (type $op) (i64.mul (local.get 0) (i64.or (local.get 1) (i64.const 1))))
  (func $sub (type $op) (i64.sub (local.get 0) (local.get 1)))

  (func (export "run") (param $n i64) (result i64)
    (local $i i64) (local $acc i64) (local $f funcref)
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $f (table.get $ops (i32.wrap_i64 (i64.and (local.get $i) (i64.const 3)))))
        (if (ref.is_null (local.get $f)) (then (unreachable)))
        (global.set $last (local.get $f))
        (local.set $acc (call_indirect $ops (type $op) (local.get $acc) (local.get $i)
          (i32.wrap_i64 (i64.and (local.get $i) (i64.const 3)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $acc))

  (func (export "runIndexed") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (call_indirect $ops (type $op) (local.get $acc) (local.get $i)
          (i32.wrap_i64 (i64.and (local.get $i) (i64.const 3)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $acc))
)
