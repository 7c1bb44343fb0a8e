;; Neither _start, nor a parameterless main, nor a start function: not a runnable program.
(module
  (func (export "main") (param i32) (result i32) local.get 0))
