;; trap.wasm: main -> compute -> divide, which divides by zero: an integer-divide-by-zero trap
;; whose wasm stack names the three functions (built with --debug-names).
(module
  (func $divide (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
  (func $compute (param $x i32) (result i32)
    (call $divide (local.get $x) (i32.sub (local.get $x) (local.get $x))))
  (func $main (export "main") (result i32)
    (call $compute (i32.const 42))))
