;; Exports for --invoke: each function returns its parameters, so a test sees how each argument was
;; read and how each result is printed.
(module
  (func $echo (export "echo")
    (param i32 i64 f32 f64 v128 funcref externref)
    (result i32 i64 f32 f64 v128 funcref externref)
    (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6))
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "f32") (param f32) (result f32) (local.get 0))
  (func (export "f64") (param f64) (result f64) (local.get 0))
  (func (export "nothing"))
  (func (export "self") (result funcref) (ref.func $echo))
  (func (export "fail") (param i32) (result i32) (unreachable)))
