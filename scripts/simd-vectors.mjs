// Test vectors for org.wasmvm.core.interp.simd, computed by V8: every expected value in
// wasmvm-core/src/test/resources/simd-vectors/*.txt is what node gave, never what wasmvm computes.
//
//   node scripts/simd-vectors.mjs
//
// (node 20; it runs itself with --experimental-wasm-relaxed-simd, needed for the 20 relaxed SIMD
// instructions until node 22, once per V8 tier, see below.) For every SIMD
// instruction that computes, it builds a tiny module as bytes, one function per immediate (lane
// index, shuffle mask), which loads its operands from memory (v128 at 0, 16, 32, an 8-byte scalar at
// 48), runs the instruction and stores the result at 64. Memory keeps NaN payloads that the JS
// boundary would not. The inputs are seeded, so a rerun writes the same files; they mix edge lanes
// (0, -1, MIN, MAX, every NaN kind, +-0, +-inf, subnormals, values at the conversion limits, shift
// counts past the lane width) in systematic pairs with random ones.
// Everything runs twice, under V8's baseline compiler (Liftoff) and its optimizing one (TurboFan),
// and the two must agree, except on the relaxed instructions where they differ on x86-64: there the
// table names the tier whose result wasmvm follows (docs/RATIONALE.md says why).
//
// File format (one file per class of org.wasmvm.core.interp.simd):
//   pool <name> <operand kinds>     then "<case> <operand>..." lines, v = v128, s = 64-bit scalar
//   test <instruction>[/<immediate>] <pool> <compare>   then "<case> <result>" lines
// A v128 is written as one 128-bit hex number, high half "_" low half (lane 0 is rightmost); a
// scalar as a hex number of its width. <compare> is "exact", or "f32nan"/"f64nan" where the spec
// lets a NaN lane be any arithmetic NaN.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..',
  'wasmvm-core/src/test/resources/simd-vectors');

// ---------------------------------------------------------------- the instructions
// [opcode, name, kind, pool, compare, tier]: the kind says the operands and the result (see body()),
// the pool the inputs, compare how results compare (default exact), tier the V8 tier to follow.
const SHAPES = { i8x16: [16, 'i32'], i16x8: [8, 'i32'], i32x4: [4, 'i32'], i64x2: [2, 'i64'],
  f32x4: [4, 'f32'], f64x2: [2, 'f64'] };

const FAMILIES = {
  IntegerLanes: [
    [0x60, 'i8x16.abs', 'unary', 'i8'], [0x61, 'i8x16.neg', 'unary', 'i8'],
    [0x6e, 'i8x16.add', 'binary', 'i8'], [0x6f, 'i8x16.add_sat_s', 'binary', 'i8'],
    [0x70, 'i8x16.add_sat_u', 'binary', 'i8'], [0x71, 'i8x16.sub', 'binary', 'i8'],
    [0x72, 'i8x16.sub_sat_s', 'binary', 'i8'], [0x73, 'i8x16.sub_sat_u', 'binary', 'i8'],
    [0x76, 'i8x16.min_s', 'binary', 'i8'], [0x77, 'i8x16.min_u', 'binary', 'i8'],
    [0x78, 'i8x16.max_s', 'binary', 'i8'], [0x79, 'i8x16.max_u', 'binary', 'i8'],
    [0x7b, 'i8x16.avgr_u', 'binary', 'i8'],
    [0x80, 'i16x8.abs', 'unary', 'i16'], [0x81, 'i16x8.neg', 'unary', 'i16'],
    [0x82, 'i16x8.q15mulr_sat_s', 'binary', 'i16'],
    [0x8e, 'i16x8.add', 'binary', 'i16'], [0x8f, 'i16x8.add_sat_s', 'binary', 'i16'],
    [0x90, 'i16x8.add_sat_u', 'binary', 'i16'], [0x91, 'i16x8.sub', 'binary', 'i16'],
    [0x92, 'i16x8.sub_sat_s', 'binary', 'i16'], [0x93, 'i16x8.sub_sat_u', 'binary', 'i16'],
    [0x95, 'i16x8.mul', 'binary', 'i16'],
    [0x96, 'i16x8.min_s', 'binary', 'i16'], [0x97, 'i16x8.min_u', 'binary', 'i16'],
    [0x98, 'i16x8.max_s', 'binary', 'i16'], [0x99, 'i16x8.max_u', 'binary', 'i16'],
    [0x9b, 'i16x8.avgr_u', 'binary', 'i16'],
    [0xa0, 'i32x4.abs', 'unary', 'i32'], [0xa1, 'i32x4.neg', 'unary', 'i32'],
    [0xae, 'i32x4.add', 'binary', 'i32'], [0xb1, 'i32x4.sub', 'binary', 'i32'],
    [0xb5, 'i32x4.mul', 'binary', 'i32'],
    [0xb6, 'i32x4.min_s', 'binary', 'i32'], [0xb7, 'i32x4.min_u', 'binary', 'i32'],
    [0xb8, 'i32x4.max_s', 'binary', 'i32'], [0xb9, 'i32x4.max_u', 'binary', 'i32'],
    [0xc0, 'i64x2.abs', 'unary', 'i64'], [0xc1, 'i64x2.neg', 'unary', 'i64'],
    [0xce, 'i64x2.add', 'binary', 'i64'], [0xd1, 'i64x2.sub', 'binary', 'i64'],
    [0xd5, 'i64x2.mul', 'binary', 'i64'],
  ],
  IntegerComparisons: [
    ...['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'].flatMap((op, i) => [
      [0x23 + i, `i8x16.${op}`, 'binary', 'i8'], [0x2d + i, `i16x8.${op}`, 'binary', 'i16'],
      [0x37 + i, `i32x4.${op}`, 'binary', 'i32']]),
    ...['eq', 'ne', 'lt_s', 'gt_s', 'le_s', 'ge_s'].map((op, i) => [0xd6 + i, `i64x2.${op}`, 'binary', 'i64']),
  ],
  BitwiseLanes: [
    [0x4d, 'v128.not', 'unary', 'i8'], [0x4e, 'v128.and', 'binary', 'i8'],
    [0x4f, 'v128.andnot', 'binary', 'i8'], [0x50, 'v128.or', 'binary', 'i8'],
    [0x51, 'v128.xor', 'binary', 'i8'], [0x52, 'v128.bitselect', 'ternary', 'i8'],
    [0x53, 'v128.any_true', 'test', 'i8'], [0x62, 'i8x16.popcnt', 'unary', 'i8'],
    ...[['i8x16', 0x6b], ['i16x8', 0x8b], ['i32x4', 0xab], ['i64x2', 0xcb]].flatMap(([s, op]) => [
      [op, `${s}.shl`, 'shift', 'shift'], [op + 1, `${s}.shr_s`, 'shift', 'shift'],
      [op + 2, `${s}.shr_u`, 'shift', 'shift']]),
  ],
  WideningLanes: [
    [0x01, 'v128.load8x8_s', 'loadext', 'si64'], [0x02, 'v128.load8x8_u', 'loadext', 'si64'],
    [0x03, 'v128.load16x4_s', 'loadext', 'si64'], [0x04, 'v128.load16x4_u', 'loadext', 'si64'],
    [0x05, 'v128.load32x2_s', 'loadext', 'si64'], [0x06, 'v128.load32x2_u', 'loadext', 'si64'],
    [0x65, 'i8x16.narrow_i16x8_s', 'binary', 'i16'], [0x66, 'i8x16.narrow_i16x8_u', 'binary', 'i16'],
    [0x85, 'i16x8.narrow_i32x4_s', 'binary', 'i32'], [0x86, 'i16x8.narrow_i32x4_u', 'binary', 'i32'],
    [0x7c, 'i16x8.extadd_pairwise_i8x16_s', 'unary', 'i8'],
    [0x7d, 'i16x8.extadd_pairwise_i8x16_u', 'unary', 'i8'],
    [0x7e, 'i32x4.extadd_pairwise_i16x8_s', 'unary', 'i16'],
    [0x7f, 'i32x4.extadd_pairwise_i16x8_u', 'unary', 'i16'],
    [0xba, 'i32x4.dot_i16x8_s', 'binary', 'i16'],
    ...[['i16x8', 'i8x16', 0x87, 0x9c, 'i8'], ['i32x4', 'i16x8', 0xa7, 0xbc, 'i16'],
      ['i64x2', 'i32x4', 0xc7, 0xdc, 'i32']].flatMap(([to, from, ext, mul, pool]) => [
      [ext, `${to}.extend_low_${from}_s`, 'unary', pool], [ext + 1, `${to}.extend_high_${from}_s`, 'unary', pool],
      [ext + 2, `${to}.extend_low_${from}_u`, 'unary', pool], [ext + 3, `${to}.extend_high_${from}_u`, 'unary', pool],
      [mul, `${to}.extmul_low_${from}_s`, 'binary', pool], [mul + 1, `${to}.extmul_high_${from}_s`, 'binary', pool],
      [mul + 2, `${to}.extmul_low_${from}_u`, 'binary', pool], [mul + 3, `${to}.extmul_high_${from}_u`, 'binary', pool]]),
  ],
  LaneMoves: [
    [0x07, 'v128.load8_splat', 'loadsplat', 'si64'], [0x08, 'v128.load16_splat', 'loadsplat', 'si64'],
    [0x09, 'v128.load32_splat', 'loadsplat', 'si64'], [0x0a, 'v128.load64_splat', 'loadsplat', 'si64'],
    [0x0d, 'i8x16.shuffle', 'shuffle', 'shuffle'], [0x0e, 'i8x16.swizzle', 'binary', 'swizzle'],
    [0x0f, 'i8x16.splat', 'splat', 'si32'], [0x10, 'i16x8.splat', 'splat', 'si32'],
    [0x11, 'i32x4.splat', 'splat', 'si32'], [0x12, 'i64x2.splat', 'splat', 'si64'],
    [0x13, 'f32x4.splat', 'splat', 'sf32'], [0x14, 'f64x2.splat', 'splat', 'sf64'],
    [0x15, 'i8x16.extract_lane_s', 'extract', 'lanes'], [0x16, 'i8x16.extract_lane_u', 'extract', 'lanes'],
    [0x17, 'i8x16.replace_lane', 'replace', 'lanes'],
    [0x18, 'i16x8.extract_lane_s', 'extract', 'lanes'], [0x19, 'i16x8.extract_lane_u', 'extract', 'lanes'],
    [0x1a, 'i16x8.replace_lane', 'replace', 'lanes'],
    [0x1b, 'i32x4.extract_lane', 'extract', 'lanes'], [0x1c, 'i32x4.replace_lane', 'replace', 'lanes'],
    [0x1d, 'i64x2.extract_lane', 'extract', 'lanes'], [0x1e, 'i64x2.replace_lane', 'replace', 'lanes'],
    [0x1f, 'f32x4.extract_lane', 'extract', 'lanes'], [0x20, 'f32x4.replace_lane', 'replace', 'lanes'],
    [0x21, 'f64x2.extract_lane', 'extract', 'lanes'], [0x22, 'f64x2.replace_lane', 'replace', 'lanes'],
    [0x54, 'v128.load8_lane', 'loadlane', 'lanes'], [0x55, 'v128.load16_lane', 'loadlane', 'lanes'],
    [0x56, 'v128.load32_lane', 'loadlane', 'lanes'], [0x57, 'v128.load64_lane', 'loadlane', 'lanes'],
    [0x58, 'v128.store8_lane', 'storelane', 'lanes'], [0x59, 'v128.store16_lane', 'storelane', 'lanes'],
    [0x5a, 'v128.store32_lane', 'storelane', 'lanes'], [0x5b, 'v128.store64_lane', 'storelane', 'lanes'],
    [0x63, 'i8x16.all_true', 'test', 'i8'], [0x64, 'i8x16.bitmask', 'test', 'i8'],
    [0x83, 'i16x8.all_true', 'test', 'i16'], [0x84, 'i16x8.bitmask', 'test', 'i16'],
    [0xa3, 'i32x4.all_true', 'test', 'i32'], [0xa4, 'i32x4.bitmask', 'test', 'i32'],
    [0xc3, 'i64x2.all_true', 'test', 'i64'], [0xc4, 'i64x2.bitmask', 'test', 'i64'],
  ],
  FloatLanes: [
    ...[['f32x4', 'f32', 0xe0, 0x41, [0x67, 0x68, 0x69, 0x6a]], ['f64x2', 'f64', 0xec, 0x47, [0x74, 0x75, 0x7a, 0x94]]]
      .flatMap(([s, t, op, cmp, rounding]) => [
        [op, `${s}.abs`, 'unary', `${t}u`], [op + 1, `${s}.neg`, 'unary', `${t}u`],
        [op + 3, `${s}.sqrt`, 'unary', `${t}u`, `${t}nan`],
        ...['ceil', 'floor', 'trunc', 'nearest'].map((r, i) => [rounding[i], `${s}.${r}`, 'unary', `${t}u`, `${t}nan`]),
        ...['add', 'sub', 'mul', 'div', 'min', 'max'].map((r, i) => [op + 4 + i, `${s}.${r}`, 'binary', t, `${t}nan`]),
        [op + 10, `${s}.pmin`, 'binary', t], [op + 11, `${s}.pmax`, 'binary', t],
        ...['eq', 'ne', 'lt', 'gt', 'le', 'ge'].map((r, i) => [cmp + i, `${s}.${r}`, 'binary', t])]),
  ],
  FloatConversions: [
    [0x5e, 'f32x4.demote_f64x2_zero', 'unary', 'f64u', 'f32nan'],
    [0x5f, 'f64x2.promote_low_f32x4', 'unary', 'f32u', 'f64nan'],
    [0xf8, 'i32x4.trunc_sat_f32x4_s', 'unary', 'f32u'], [0xf9, 'i32x4.trunc_sat_f32x4_u', 'unary', 'f32u'],
    [0xfa, 'f32x4.convert_i32x4_s', 'unary', 'i32'], [0xfb, 'f32x4.convert_i32x4_u', 'unary', 'i32'],
    [0xfc, 'i32x4.trunc_sat_f64x2_s_zero', 'unary', 'f64u'], [0xfd, 'i32x4.trunc_sat_f64x2_u_zero', 'unary', 'f64u'],
    [0xfe, 'f64x2.convert_low_i32x4_s', 'unary', 'i32'], [0xff, 'f64x2.convert_low_i32x4_u', 'unary', 'i32'],
  ],
  RelaxedLanes: [
    [0x100, 'i8x16.relaxed_swizzle', 'binary', 'swizzle'],
    [0x101, 'i32x4.relaxed_trunc_f32x4_s', 'unary', 'f32u'], [0x102, 'i32x4.relaxed_trunc_f32x4_u', 'unary', 'f32u', 'exact', 'liftoff'],
    [0x103, 'i32x4.relaxed_trunc_f64x2_s_zero', 'unary', 'f64u'],
    [0x104, 'i32x4.relaxed_trunc_f64x2_u_zero', 'unary', 'f64u', 'exact', 'liftoff'],
    [0x105, 'f32x4.relaxed_madd', 'ternary', 'f32', 'f32nan'], [0x106, 'f32x4.relaxed_nmadd', 'ternary', 'f32', 'f32nan'],
    [0x107, 'f64x2.relaxed_madd', 'ternary', 'f64', 'f64nan'], [0x108, 'f64x2.relaxed_nmadd', 'ternary', 'f64', 'f64nan'],
    [0x109, 'i8x16.relaxed_laneselect', 'ternary', 'i8'], [0x10a, 'i16x8.relaxed_laneselect', 'ternary', 'i16'],
    [0x10b, 'i32x4.relaxed_laneselect', 'ternary', 'i32', 'exact', 'turbofan'],
    [0x10c, 'i64x2.relaxed_laneselect', 'ternary', 'i64', 'exact', 'turbofan'],
    [0x10d, 'f32x4.relaxed_min', 'binary', 'f32'], [0x10e, 'f32x4.relaxed_max', 'binary', 'f32'],
    [0x10f, 'f64x2.relaxed_min', 'binary', 'f64'], [0x110, 'f64x2.relaxed_max', 'binary', 'f64'],
    [0x111, 'i16x8.relaxed_q15mulr_s', 'binary', 'i16'],
    [0x112, 'i16x8.relaxed_dot_i8x16_i7x16_s', 'binary', 'i8'],
    [0x113, 'i32x4.relaxed_dot_i8x16_i7x16_add_s', 'ternary', 'i8', 'exact', 'turbofan'],
  ],
};

// ---------------------------------------------------------------- inputs
let state = 0x2545f491;
function rand32() { // xorshift32: seeded, so the files are reproducible
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state;
}
const pick = (list) => list[rand32() % list.length];
const rand64 = () => (BigInt(rand32()) << 32n) | BigInt(rand32());
const mask = (bits) => (1n << BigInt(bits)) - 1n;

/** A v128 (16 bytes) from lanes of the given width, given as BigInts (low bits used). */
function vec(width, lanes) {
  const bytes = new Uint8Array(16);
  lanes.forEach((lane, i) => {
    for (let b = 0; b < width / 8; b++) bytes[i * width / 8 + b] = Number((BigInt(lane) >> BigInt(8 * b)) & 0xffn);
  });
  return bytes;
}
const randomVec = () => vec(64, [rand64(), rand64()]);
const f32bits = (x) => BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]);
const f64bits = (x) => new BigUint64Array(new Float64Array([x]).buffer)[0];

// Edge lanes per width: zero, one, both ends of the signed and unsigned ranges and their neighbours.
const EDGES = {
  8: [0, 1, 2, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x40, 0xc0, 0x55],
  16: [0, 1, 2, 0x7ffe, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff, 0x00ff, 0xff00, 0x4000],
  32: [0, 1, 0x7ffffffe, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xffff, 0xffff0000],
  64: [0n, 1n, mask(63), 1n << 63n, (1n << 63n) + 1n, mask(64) - 1n, mask(64), mask(32), 1n << 62n],
};

/** Masks for bitselect/laneselect: all set, all clear, top bit only, all but the top bit, random. */
function maskLane(width) {
  return pick([mask(width), 0n, 1n << BigInt(width - 1), mask(width - 1), rand64() & mask(width)]);
}

/** Every pair of edges once (a = first, b = second lane), then special and random vectors. */
function intPool(width) {
  const edges = EDGES[width].map(BigInt), n = 128 / width, cases = [];
  const laneOr = () => (rand32() % 2 ? pick(edges) : rand64() & mask(width));
  const pairs = edges.flatMap((x) => edges.map((y) => [x, y]));
  for (let i = 0; i < pairs.length; i += n) {
    const chunk = pairs.slice(i, i + n);
    cases.push([vec(width, chunk.map((p) => p[0])), vec(width, chunk.map((p) => p[1])),
      vec(width, chunk.map(() => maskLane(width)))]);
  }
  const nonZero = () => { const x = laneOr(); return x === 0n ? 1n : x; };
  const lanesOf = (f) => vec(width, Array.from({ length: n }, (_, i) => f(i)));
  const zeroAt = rand32() % n, oneAt = rand32() % n;
  cases.push([lanesOf(() => 0n), lanesOf(laneOr), lanesOf(() => maskLane(width))]);
  cases.push([lanesOf(() => mask(width)), lanesOf(laneOr), lanesOf(() => maskLane(width))]);
  cases.push([lanesOf((i) => (i === zeroAt ? 0n : nonZero())), lanesOf(nonZero), lanesOf(() => maskLane(width))]);
  cases.push([lanesOf((i) => (i === oneAt ? 1n : 0n)), lanesOf(nonZero), lanesOf(() => maskLane(width))]);
  for (let k = 0; k < 8; k++) {
    cases.push([lanesOf(laneOr), lanesOf(laneOr), lanesOf(() => maskLane(width))]);
  }
  return { kinds: ['v', 'v', 'v'], cases };
}

// f32 and f64 edges as bit patterns: zeros, ones, infinities, quiet/signalling NaNs with payloads,
// subnormals, the largest values, the rounding and conversion limits.
const F32_PAIRS = [0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0xbfc00000,
  0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0x00000001, 0x7f7fffff].map(BigInt);
const F64_PAIRS = [0n, 1n << 63n, f64bits(-1.5), f64bits(Infinity), f64bits(-Infinity),
  0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff4000000000000n, 1n, 0x7fefffffffffffffn];
const F32_SINGLES = [...F32_PAIRS, ...[3, -1.5e-38, 0.4, 0.6, 1.5, 2.5, -0.4, -0.5, -2.5, 8388607.5, 8388608, 8388609,
  2147483648, 2147483520, -2147483648, -2147483904, 4294967296, 4294967040, 0.99999994, -0.99999994,
  1e10, -1e10, 0.1, 1e-40, -3.5, 4.5, -Math.fround(3.4e38)].map(f32bits), 0x80000001n, 0xff812345n,
  0x7fd23456n];
const F64_SINGLES = [...F64_PAIRS, ...[1, -1, 0.5, -2.2250738585072014e-308, 0.4, 0.6, 2.5, -0.4, -0.5, -2.5, 4503599627370495.5,
  4503599627370497, 2147483647, 2147483647.5, 2147483648, -2147483648, -2147483648.5, -2147483649,
  4294967295, 4294967295.5, 4294967296, -0.9999999999, 0.9999999999, 1e300, -1e300,
  3.4028235677973366e38, 3.4028235677973368e38, 1e-320, 1.401298464324817e-45, 7.006492321624085e-46,
  1.0000000596046448, 1.0000001788139343].map(f64bits), 0xfff4000000000abcn, 0x7ff8000000000001n,
  0x7ff0000020000000n, 0x8000000000000001n];

/** A random float lane: raw bits, a small fraction, or an edge. */
function randomFloat(width, edges) {
  switch (rand32() % 4) {
    case 0: return rand64() & mask(width);
    case 1: { const x = ((rand32() | 0) / (1 << (rand32() % 24))); return width === 32 ? f32bits(x) : f64bits(x); }
    case 2: { const x = (rand32() - 2 ** 31) * (rand32() / 2 ** 32); return width === 32 ? f32bits(x) : f64bits(x); }
    default: return pick(edges);
  }
}

/** Every pair of the pair edges once, then random lanes; c (madd's addend) is random. */
function floatPool(width, edges, fmaCase) {
  const n = 128 / width, cases = [];
  const pairs = edges.flatMap((x) => edges.map((y) => [x, y]));
  const lanesOf = (f) => vec(width, Array.from({ length: n }, f));
  for (let i = 0; i < pairs.length; i += n) {
    const chunk = pairs.slice(i, i + n);
    cases.push([vec(width, chunk.map((p) => p[0])), vec(width, chunk.map((p) => p[1])),
      lanesOf(() => randomFloat(width, edges))]);
  }
  cases.push(fmaCase.map((x) => lanesOf(() => x)));
  for (let k = 0; k < 10; k++) {
    cases.push([0, 1, 2].map(() => lanesOf(() => randomFloat(width, edges))));
  }
  return { kinds: ['v', 'v', 'v'], cases };
}

/** The single-operand edges spread over the lanes, then random lanes. */
function floatSingles(width, edges) {
  const n = 128 / width, cases = [];
  for (let i = 0; i < edges.length; i += n) {
    cases.push([vec(width, Array.from({ length: n }, (_, k) => edges[(i + k) % edges.length]))]);
  }
  for (let k = 0; k < 12; k++) {
    cases.push([vec(width, Array.from({ length: n }, () => randomFloat(width, edges)))]);
  }
  return { kinds: ['v'], cases };
}

/** 64-bit scalars whose low bits (what an i32 or f32 operand reads) are the edges, the rest random. */
function scalarPool(width, edges) {
  const cases = edges.map((e) => [(BigInt(e) & mask(width)) | (width === 64 ? 0n : rand64() & ~mask(width))]);
  for (let k = 0; k < 4; k++) cases.push([rand64()]);
  return { kinds: ['s'], cases };
}

function shiftPool() {
  const counts = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, -1, -8,
    0x7fffffff, 0x80000000, rand32()];
  const vectors = [vec(8, Array(16).fill(0x80)), vec(16, Array(8).fill(0x8001)), vec(32, Array(4).fill(0x80000001)),
    vec(64, [1n << 63n, 1n]), vec(8, Array(16).fill(0xff))];
  return { kinds: ['v', 's'], cases: counts.map((c, i) =>
    [i < vectors.length ? vectors[i] : randomVec(), (rand64() & ~mask(32)) | (BigInt(c) & mask(32))]) };
}

function swizzlePool() {
  const indexes = () => vec(8, Array.from({ length: 16 }, () =>
    pick([rand32() % 16, rand32() % 16, 15, 16, 17, 31, 32, 64, 0x70, 0x7f, 0x80, 0x81, 0x8f, 0xf0, 0xff, rand32() % 256])));
  return { kinds: ['v', 'v'], cases: Array.from({ length: 24 }, () => [randomVec(), indexes()]) };
}

const LANE_SCALARS = [rand64(), 0x7fa00001n | (rand64() << 32n), 0xffffffff_ffffff80n, 0x80000000_00007fffn];
function lanesPool() {
  const vectors = [randomVec(), vec(8, EDGES[8].concat([0x12, 0x34, 0x56, 0x78])),
    vec(32, [0x7fa00001, 0xffc00000, 0x80000000, 0x00000001]), vec(64, [0x7ff4000000000001n, 0xfff8000000000000n])];
  return { kinds: ['v', 's'], cases: vectors.map((v, i) => [v, LANE_SCALARS[i]]) };
}

function shuffleMasks() {
  const masks = [[...Array(16).keys()], [...Array(16).keys()].reverse(),
    [...Array(16).keys()].map((i) => (i % 2 ? 16 : 0) + (i >> 1)), [...Array(16).keys()].map((i) => i + 16),
    Array(16).fill(31), Array(16).fill(0), Array(16).fill(8).map((x, i) => (i < 8 ? x + i : i - 8))];
  while (masks.length < 12) masks.push(Array.from({ length: 16 }, () => rand32() % 32));
  return masks;
}

const POOLS = {
  i8: intPool(8), i16: intPool(16), i32: intPool(32), i64: intPool(64),
  f32: floatPool(32, F32_PAIRS, [0x3f800800n, 0x3f800800n, 0xbf801000n]),
  f64: floatPool(64, F64_PAIRS, [0x3ff0000010000000n, 0x3ff0000010000000n, 0xbff0000020000000n]),
  f32u: floatSingles(32, F32_SINGLES), f64u: floatSingles(64, F64_SINGLES),
  si32: scalarPool(32, [0, 1, -1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff,
    0x80000000, 0x12345678]),
  si64: scalarPool(64, [...EDGES[64], 0x0123456789abcdefn, 0x8080808080808080n, 0x7f7f7f7f7f7f7f7fn,
    0x8000800080008000n, 0x7fff7fff7fff7fffn, 0x800000007fffffffn, 0xff00ff00ff00ff00n]),
  sf32: scalarPool(32, F32_SINGLES), sf64: scalarPool(64, F64_SINGLES),
  shift: shiftPool(), swizzle: swizzlePool(), lanes: lanesPool(),
  shuffle: { kinds: ['v', 'v'], cases: Array.from({ length: 4 }, () => [randomVec(), randomVec()]) },
};
const SHUFFLE_MASKS = shuffleMasks();

// ---------------------------------------------------------------- modules
function leb(n) { // unsigned LEB128
  const out = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}
function i32const(x) { // signed LEB128
  const out = [];
  for (;;) {
    const b = x & 0x7f; x >>= 7;
    if ((x === 0 && !(b & 0x40)) || (x === -1 && (b & 0x40))) return [0x41, ...out, b];
    out.push(b | 0x80);
  }
}
const simd = (op, ...imm) => [0xfd, ...leb(op), ...imm];
const V128_LOAD = (at) => [...i32const(at), ...simd(0x00, 4, 0)];
const SCALAR = { i32: [0x28, 0x36, 2], i64: [0x29, 0x37, 3], f32: [0x2a, 0x38, 2], f64: [0x2b, 0x39, 3] };
const SCALAR_LOAD = (type) => [...i32const(48), SCALAR[type][0], SCALAR[type][2], 0];
const STORE = (type) => (type === 'v' ? simd(0x0b, 4, 0) : [SCALAR[type][1], SCALAR[type][2], 0]);
const ACCESS_BYTES = { 8: 1, 16: 2, 32: 4, 64: 8 };

/** The body (without the leading i32.const 64 and the store) and the result type of one function. */
function body(op, name, kind, imm) {
  const [lanes, scalar] = SHAPES[name.slice(0, 5)] ?? [];
  const bits = Number(/(\d+)_(?:lane|splat)$/.exec(name)?.[1]);
  const memarg = () => [Math.log2(ACCESS_BYTES[bits]), 0];
  switch (kind) {
    case 'unary': return [[...V128_LOAD(0), ...simd(op)], 'v'];
    case 'binary': return [[...V128_LOAD(0), ...V128_LOAD(16), ...simd(op)], 'v'];
    case 'ternary': return [[...V128_LOAD(0), ...V128_LOAD(16), ...V128_LOAD(32), ...simd(op)], 'v'];
    case 'shift': return [[...V128_LOAD(0), ...SCALAR_LOAD('i32'), ...simd(op)], 'v'];
    case 'test': return [[...V128_LOAD(0), ...simd(op)], 'i32'];
    case 'splat': return [[...SCALAR_LOAD(scalar), ...simd(op)], 'v'];
    case 'extract': return [[...V128_LOAD(0), ...simd(op, imm)], scalar];
    case 'replace': return [[...V128_LOAD(0), ...SCALAR_LOAD(scalar), ...simd(op, imm)], 'v'];
    case 'shuffle': return [[...V128_LOAD(0), ...V128_LOAD(16), ...simd(op, ...imm)], 'v'];
    case 'loadext': return [[...i32const(48), ...simd(op, 3, 0)], 'v'];
    case 'loadsplat': return [[...i32const(48), ...simd(op, ...memarg())], 'v'];
    case 'loadlane': return [[...i32const(48), ...V128_LOAD(0), ...simd(op, ...memarg(), imm)], 'v'];
    case 'storelane': return [[...V128_LOAD(0), ...simd(op, ...memarg(), imm)], `m${ACCESS_BYTES[bits]}`];
    default: throw new Error(kind);
  }
}

function module(bodies) {
  const vector = (items) => [...leb(items.length), ...items.flat()];
  const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
  const str = (s) => [...leb(s.length), ...Buffer.from(s)];
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vector([[0x60, 0, 0]])),
    ...section(3, vector(bodies.map(() => [0]))),
    ...section(5, vector([[0x00, 1]])),
    ...section(7, vector([[...str('m'), 0x02, 0], ...bodies.map((_, i) => [...str(`f${i}`), 0x00, ...leb(i)])])),
    ...section(10, vector(bodies.map((b) => { const code = [0, ...b, 0x0b]; return [...leb(code.length), ...code]; })))]);
}

// ---------------------------------------------------------------- running and writing
const hex = (x, digits) => BigInt.asUintN(digits * 4, BigInt(x)).toString(16).padStart(digits, '0');
const bytesToBig = (bytes) => bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);
const v128Text = (bytes) => `${hex(bytesToBig(bytes.subarray(8, 16)), 16)}_${hex(bytesToBig(bytes.subarray(0, 8)), 16)}`;
const RESULT_BYTES = { v: 16, i32: 4, f32: 4, i64: 8, f64: 8, m1: 1, m2: 2, m4: 4, m8: 8 };

function run(exports, fn, pool, resultType) {
  const memory = new Uint8Array(exports.m.buffer);
  const view = new DataView(exports.m.buffer);
  return pool.cases.map((operands, index) => {
    memory.fill(0, 0, 80);
    let at = 0;
    pool.kinds.forEach((kind, i) => {
      if (kind === 'v') { memory.set(operands[i], at); at += 16; } else view.setBigUint64(48, operands[i], true);
    });
    exports[fn]();
    const size = RESULT_BYTES[resultType];
    const out = memory.slice(64, 64 + size);
    return `${index} ${size === 16 ? v128Text(out) : hex(bytesToBig(out), 2 * size)}`;
  });
}

function immediates(name, kind) {
  if (kind === 'shuffle') return SHUFFLE_MASKS.map((m) => [m, v128Text(new Uint8Array(m))]);
  if (!['extract', 'replace', 'loadlane', 'storelane'].includes(kind)) return [[undefined, null]];
  const bits = Number(/(\d+)_lane$/.exec(name)?.[1]);
  const lanes = kind === 'loadlane' || kind === 'storelane' ? 128 / bits : SHAPES[name.slice(0, 5)][0];
  return Array.from({ length: lanes }, (_, i) => [i, String(i)]);
}

/** Runs every test in this process: {"<test line>": ["<case> <result>", ...]}. */
async function results() {
  const out = {};
  for (const [op, name, kind, pool, compare = 'exact'] of Object.values(FAMILIES).flat()) {
    const imms = immediates(name, kind);
    const built = imms.map(([imm]) => body(op, name, kind, imm));
    // the result goes to 64: i32.const 64 first, then the store (a store*_lane stores itself)
    const { instance } = await WebAssembly.instantiate(module(built.map(([code, type]) =>
      [...i32const(64), ...code, ...(type.startsWith('m') ? [] : STORE(type))])));
    imms.forEach(([, label], i) => {
      out[`test ${name}${label === null ? '' : `/${label}`} ${pool} ${compare}`] =
        run(instance.exports, `f${i}`, POOLS[pool], built[i][1]);
    });
  }
  return out;
}

// V8's two tiers do not agree on every relaxed instruction, so each runs in a child process of its
// own; an instruction they disagree on must name the tier whose result is chosen.
const TIERS = { liftoff: ['--liftoff', '--no-wasm-tier-up'], turbofan: ['--no-liftoff'] };
const tier = process.argv[2];
if (tier) {
  if (!WebAssembly.validate(module([[...V128_LOAD(0), ...V128_LOAD(16), ...simd(0x100), 0x1a]]))) {
    console.error('this node rejects relaxed SIMD (node 20 needs --experimental-wasm-relaxed-simd)');
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(await results()));
} else {
  const byTier = Object.fromEntries(Object.entries(TIERS).map(([name, flags]) => [name, JSON.parse(
    execFileSync(process.execPath, ['--experimental-wasm-relaxed-simd', ...flags, fileURLToPath(import.meta.url), name],
      { maxBuffer: 1 << 28, encoding: 'utf8' }))]));
  mkdirSync(OUT, { recursive: true });
  let total = 0;
  for (const [family, instructions] of Object.entries(FAMILIES)) {
    const lines = [`# ${family}: inputs and V8's (node ${process.versions.node}) results, written by scripts/simd-vectors.mjs; do not edit`];
    for (const name of new Set(instructions.map((i) => i[3]))) {
      lines.push(`pool ${name} ${POOLS[name].kinds.join(' ')}`);
      POOLS[name].cases.forEach((operands, i) => lines.push(`${i} ${operands.map((o, k) =>
        (POOLS[name].kinds[k] === 'v' ? v128Text(o) : hex(o, 16))).join(' ')}`));
    }
    for (const [, name, , , , chosen] of instructions) {
      for (const test of Object.keys(byTier.liftoff).filter((t) => t.split(/[ /]/)[1] === name)) {
        const agree = JSON.stringify(byTier.liftoff[test]) === JSON.stringify(byTier.turbofan[test]);
        if (agree === Boolean(chosen)) {
          throw new Error(`${test}: Liftoff and TurboFan ${agree ? 'agree, drop the tier' : 'differ, choose a tier'}`);
        }
        lines.push(test, ...byTier[chosen ?? 'liftoff'][test]);
        total += byTier.liftoff[test].length;
      }
    }
    writeFileSync(join(OUT, `${family}.txt`), lines.join('\n') + '\n');
  }
  console.log(`${Object.values(FAMILIES).flat().length} instructions, ${total} vectors written to ${OUT}`);
}
