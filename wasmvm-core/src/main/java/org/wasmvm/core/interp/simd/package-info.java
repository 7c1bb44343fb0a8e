/**
 * Internal: the lane arithmetic of 128-bit SIMD, shared by the interpreter and the compiled tier. Not
 * part of the public API.
 *
 * <p>A {@code v128} is two {@code long}s, {@code lo} (bytes 0-7) and {@code hi} (bytes 8-15), lanes
 * little-endian: lane 0 of any shape is in the lowest bits of {@code lo}. The methods are static, never
 * allocate, and compute <em>one half</em> of a result: a lane-wise instruction is called twice, once on
 * the {@code lo} halves of its operands for the result's {@code lo} and once on the {@code hi} halves
 * for its {@code hi}. An instruction whose result half needs other inputs says so in its parameters
 * ({@code (lo, hi)} of one operand for narrowing, 32 bits the caller picks for extending, all four
 * halves for a shuffle), and the class that has it documents how a caller supplies them. Method names
 * are the instruction's name in camel case ({@code i16x8.add_sat_s} is {@code i16x8AddSatS}).
 *
 * <p>Float lanes are raw bits: an f32 lane is an {@code int} of bits, an f64 lane a {@code long}, so
 * NaN payloads pass through untouched wherever the spec requires it. The relaxed SIMD instructions
 * have one deterministic result each, the one V8 gives on x86-64 ({@link RelaxedLanes}).
 */
package org.wasmvm.core.interp.simd;
