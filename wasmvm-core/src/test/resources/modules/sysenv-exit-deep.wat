;; _start recurses 5000 calls deep, then calls sys_proc.exit(42) from the innermost frame.
(module
  (import "sys_proc" "exit" (func $exit (param i32)))
  (func $down (param $n i32)
    local.get $n
    i32.eqz
    if
      i32.const 42
      call $exit
    end
    local.get $n
    i32.const 1
    i32.sub
    call $down)
  (func (export "_start") i32.const 5000 call $down))
