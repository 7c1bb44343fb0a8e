;; square.wasm: imports mul from the module named "mathlib" (an artifact on the plugin's modulePath
;; in the module-path IT) and exports square, invoked with an argument.
(module
  (import "mathlib" "mul" (func $mul (param i32 i32) (result i32)))
  (func (export "square") (param i32) (result i32)
    (call $mul (local.get 0) (local.get 0))))
