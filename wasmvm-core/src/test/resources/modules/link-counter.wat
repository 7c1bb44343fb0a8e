;; A library with state: "bump" counts its calls. Programs of several modules import it by path
;; (ModuleGraphTest); one instance per program shows in the count read through every path.
(module
  (global $count (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.get $count))
  (func (export "count") (result i32) (global.get $count)))
