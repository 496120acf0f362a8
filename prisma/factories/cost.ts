// Exact run costs. Money never goes through a JS float: prices are parsed into integer micro-dollars
// per million tokens and multiplied as BigInt, so cost = sum(tokens * price) / 1e6 is exact.
//
// Convention (the same in the demo seed, the scale seed and the app): `input_tokens` INCLUDES the
// cached input tokens, as the providers report them, so the uncached part is input - cached:
//   cost = (input - cached) * input_price / 1e6 + cached * cached_price / 1e6 + output * output_price / 1e6
// The result is rounded half-up to the 10 decimal places of runs.cost, as PostgreSQL's numeric does;
// prices with at most 4 decimals (all the seeded ones) need no rounding at all.

export interface TokenCounts {
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
}

/** A decimal as a string ("2.50") or a Prisma.Decimal read back from model_prices. */
export type DecimalLike = string | { toFixed(digits: number): string };

export interface PricePerMillion {
  input_per_million: DecimalLike;
  cached_input_per_million: DecimalLike;
  output_per_million: DecimalLike;
}

const PRICE_SCALE = 6; // model_prices columns are Decimal(14, 6)
const COST_SCALE = 10; // runs.cost is Decimal(20, 10)

function toMicros(value: DecimalLike): bigint {
  const text = typeof value === "string" ? value.trim() : value.toFixed(PRICE_SCALE);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`Not a non-negative decimal price: ${text}`);
  const fraction = match[2] ?? "";
  if (fraction.replace(/0+$/, "").length > PRICE_SCALE) {
    throw new Error(`Price ${text} has more than ${PRICE_SCALE} decimals (model_prices keeps ${PRICE_SCALE})`);
  }
  return BigInt(`${match[1]}${fraction.padEnd(PRICE_SCALE, "0").slice(0, PRICE_SCALE)}`);
}

function tokenCount(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return BigInt(value);
}

/** The run's dollar cost as a decimal string with 10 decimals, e.g. "0.0012345000". */
export function runCost(tokens: TokenCounts, price: PricePerMillion): string {
  const input = tokenCount("input_tokens", tokens.input_tokens);
  const cached = tokenCount("cached_input_tokens", tokens.cached_input_tokens);
  const output = tokenCount("output_tokens", tokens.output_tokens);
  if (cached > input) throw new Error("cached_input_tokens cannot exceed input_tokens (input includes cached)");
  // tokens * micro-dollars-per-million = 1e-12 dollars.
  const picoDollars =
    (input - cached) * toMicros(price.input_per_million) +
    cached * toMicros(price.cached_input_per_million) +
    output * toMicros(price.output_per_million);
  const drop = 10n ** BigInt(2 * PRICE_SCALE - COST_SCALE);
  const rounded = (picoDollars + drop / 2n) / drop;
  const digits = rounded.toString().padStart(COST_SCALE + 1, "0");
  return `${digits.slice(0, -COST_SCALE)}.${digits.slice(-COST_SCALE)}`;
}

/** The price row in force at `at`: the latest one whose effective_from is not after it. */
export function priceInForce<T extends { effective_from: Date }>(prices: readonly T[], at: Date): T | undefined {
  let best: T | undefined;
  for (const price of prices) {
    if (price.effective_from.getTime() <= at.getTime() && (!best || price.effective_from > best.effective_from)) {
      best = price;
    }
  }
  return best;
}
