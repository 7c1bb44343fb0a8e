;; Another module with link-counter's exports, counting from 10: tells which of two files a name resolved to.
(module
  (global $count (mut i32) (i32.const 10))
  (func (export "bump") (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.get $count))
  (func (export "count") (result i32) (global.get $count)))
