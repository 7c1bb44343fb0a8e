# wasi_thread_start(tid, start_arg), the export a wasi-threads host calls on a new thread: as wasi-libc's, it
# moves the stack pointer (a global of the thread's own instance) to the thread's stack, whose top is the first
# word of start_arg, before any C code runs; then it calls thread_main(tid, start_arg).
	.text
	.export_name	wasi_thread_start, wasi_thread_start
	.globaltype	__stack_pointer, i32
	.functype	thread_main (i32, i32) -> ()
	.globl	wasi_thread_start
	.type	wasi_thread_start,@function
wasi_thread_start:
	.functype	wasi_thread_start (i32, i32) -> ()
	local.get	1
	i32.load	0
	global.set	__stack_pointer
	local.get	0
	local.get	1
	call	thread_main
	end_function
