// Exact sums of the API's decimal strings ("0.0412"), for the few places the UI adds amounts up
// (folding small series into "Other"): BigInt on the digits, never a float.

function parts(value: string): { digits: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal amount: ${value}`);
  const [, sign = "", whole = "0", fraction = ""] = match;
  return { digits: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/** a + b, exactly, without trailing zeros: addDecimal("0.1", "0.20") === "0.3". */
export function addDecimal(a: string, b: string): string {
  const x = parts(a);
  const y = parts(b);
  const scale = Math.max(x.scale, y.scale);
  const sum = x.digits * 10n ** BigInt(scale - x.scale) + y.digits * 10n ** BigInt(scale - y.scale);
  const negative = sum < 0n;
  const text = (negative ? -sum : sum).toString().padStart(scale + 1, "0");
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Negative, zero or positive as a is less than, equal to or greater than b, compared exactly. */
export function compareDecimals(a: string, b: string): number {
  const difference = addDecimal(a, b.startsWith("-") ? b.slice(1) : `-${b}`);
  return difference === "0" ? 0 : difference.startsWith("-") ? -1 : 1;
}

export function sumDecimals(values: readonly string[]): string {
  return values.reduce(addDecimal, "0");
}

/** A numeric column read through Prisma as an exact string without exponent or trailing zeros; "0" for none. */
export function decimalString(value: { toFixed(): string } | null | undefined): string {
  return value ? value.toFixed() : "0";
}
