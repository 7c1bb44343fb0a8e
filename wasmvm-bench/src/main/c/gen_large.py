#!/usr/bin/env python3
"""Writes large.c: many distinct, non-trivial functions, so the compiled module is a few MB.

Used by build.sh for the load + validate + instantiate throughput benchmark. The output is
deterministic (fixed seed). Every function is reachable from the exported `run`, through a
function table, so the linker keeps them all.
"""
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
rnd = random.Random(20260101)
ops = ["+", "-", "*", "^", "|", "&"]
out = ['#include "common.h"', ""]
for f in range(count):
    out.append(f"__attribute__((noinline)) static u64 f{f}(u64 a, u64 b, double x) {{")
    out.append("  u64 acc = a ^ 0x%xULL;" % rnd.getrandbits(48))
    out.append("  double y = x;")
    for s in range(rnd.randint(6, 14)):
        kind = rnd.randrange(5)
        c = rnd.getrandbits(32)
        if kind == 0:
            out.append(f"  acc = (acc {rnd.choice(ops)} (b + {c}u)) * {c | 1}u;")
        elif kind == 1:
            out.append(f"  if ((acc & {c & 0xff}u) > {rnd.randrange(255)}u) acc += b >> {rnd.randrange(1, 60)}; else acc -= a << {rnd.randrange(1, 60)};")
        elif kind == 2:
            out.append(f"  for (int i = 0; i < {rnd.randint(2, 9)}; i++) acc = acc * {c | 1}u + (u64)i;")
        elif kind == 3:
            out.append(f"  y = y * {rnd.uniform(0.5, 1.5):.6f} + (double)(acc & 0xffff) / {rnd.randint(2, 999)}.0;")
        else:
            out.append(f"  switch ((int)(acc % 5)) {{ case 0: acc += {c}u; break; case 1: acc ^= {c}u; break; case 2: acc = ~acc; break; case 3: b += acc; break; default: acc >>= 3; }}")
    out.append("  return acc + (u64)(long long)y + b;")
    out.append("}")
    out.append("")
out.append("typedef u64 (*fn)(u64, u64, double);")
out.append("static fn table[] = {")
out.extend(f"  f{f}," for f in range(count))
out.append("};")
out.append("")
out.append('EXPORT("run") i64 run(int n) {')
out.append(f"  u64 h = 0; for (int i = 0; i < n; i++) h = mix64(h, table[(unsigned)i % {count}u](h, (u64)i, 1.5));")
out.append("  return (i64)h;")
out.append("}")
out.append("")
out.append("#if defined(__wasm__)")
out.append("DEFINE_MEM_FUNCS")
out.append("#endif")
sys.stdout.write("\n".join(out) + "\n")
