/**
 * The exact sign of a 2×2 determinant of doubles, `a * d - b * c`: a floating-point filter that
 * settles almost every call, and exact integer arithmetic (BigInt) for the near-zero rest. This is
 * what makes "is this premise exactly on the polygon's edge" a yes-or-no answer instead of a guess.
 */

/** Shewchuk's error bound for a difference of two products (ccwerrboundA, conservative here). */
const ERR_BOUND = (3 + 16 * 2 ** -53) * 2 ** -53;
/** Below this, products may have lost bits to underflow, so the filter does not apply. */
const TINY = 2 ** -900;

const view = new DataView(new ArrayBuffer(8));

/** A finite double as an exact integer mantissa and a power-of-two exponent. */
function decompose(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: negative ? -m : m, e };
}

function exactProduct(x: number, y: number): { m: bigint; e: number } {
  const a = decompose(x);
  const b = decompose(y);
  return { m: a.m * b.m, e: a.e + b.e };
}

function exactSign(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const p = exactProduct(a, d);
  const q = exactProduct(b, c);
  const e = Math.min(p.e, q.e);
  const diff = (p.m << BigInt(p.e - e)) - (q.m << BigInt(q.e - e));
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** Sign of `a * d - b * c`, exactly, for finite doubles. */
export function crossSign(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const left = a * d;
  const right = b * c;
  const det = left - right;
  const magnitude = Math.abs(left) + Math.abs(right);
  if (magnitude > TINY) {
    const bound = ERR_BOUND * magnitude;
    if (det > bound) return 1;
    if (-det > bound) return -1;
  }
  return exactSign(a, b, c, d);
}
