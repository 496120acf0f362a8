import { describe, expect, it } from "vitest";
import { priceInForce, runCost } from "./cost.ts";

const gpt4o = { input_per_million: "2.50", cached_input_per_million: "1.25", output_per_million: "10.00" };

describe("runCost", () => {
  it("charges uncached input, cached input and output at their own prices (input includes cached)", () => {
    // (1200 - 1000) * 2.5 + 1000 * 1.25 + 300 * 10 = 500 + 1250 + 3000 = 4750 micro-dollars
    expect(runCost({ input_tokens: 1200, cached_input_tokens: 1000, output_tokens: 300 }, gpt4o)).toBe("0.0047500000");
  });

  it("is exact where floats are not", () => {
    const price = { input_per_million: "0.1", cached_input_per_million: "0.075", output_per_million: "0.3" };
    // 0.1 + 0.2-style sums: 1 token at 0.1 plus 1 at 0.3 per million is exactly 4e-7 dollars.
    expect(runCost({ input_tokens: 1, cached_input_tokens: 0, output_tokens: 1 }, price)).toBe("0.0000004000");
    expect(runCost({ input_tokens: 3, cached_input_tokens: 3, output_tokens: 0 }, price)).toBe("0.0000002250");
  });

  it("rounds half up to the 10 decimals of runs.cost, like numeric does", () => {
    const finePrice = { input_per_million: "0.000050", cached_input_per_million: "0", output_per_million: "0" };
    expect(runCost({ input_tokens: 1, cached_input_tokens: 0, output_tokens: 0 }, finePrice)).toBe("0.0000000001");
    const below = { ...finePrice, input_per_million: "0.000049" };
    expect(runCost({ input_tokens: 1, cached_input_tokens: 0, output_tokens: 0 }, below)).toBe("0.0000000000");
  });

  it("accepts Prisma.Decimal-like prices and refuses impossible token counts", () => {
    const decimalLike = (v: string) => ({ toFixed: () => v });
    const price = {
      input_per_million: decimalLike("3.000000"),
      cached_input_per_million: decimalLike("0.300000"),
      output_per_million: decimalLike("15.000000"),
    };
    expect(runCost({ input_tokens: 1_000_000, cached_input_tokens: 0, output_tokens: 1_000_000 }, price)).toBe("18.0000000000");
    expect(() => runCost({ input_tokens: 10, cached_input_tokens: 11, output_tokens: 0 }, gpt4o)).toThrow(/cached/);
    expect(() => runCost({ input_tokens: 1.5, cached_input_tokens: 0, output_tokens: 0 }, gpt4o)).toThrow(/integer/);
  });
});

describe("priceInForce", () => {
  it("picks the latest price not after the run", () => {
    const old = { effective_from: new Date("2025-01-01T00:00:00Z"), id: "old" };
    const cut = { effective_from: new Date("2025-06-01T00:00:00Z"), id: "new" };
    expect(priceInForce([cut, old], new Date("2025-05-31T23:59:59Z"))?.id).toBe("old");
    expect(priceInForce([cut, old], new Date("2025-06-01T00:00:00Z"))?.id).toBe("new");
    expect(priceInForce([cut, old], new Date("2024-12-31T00:00:00Z"))).toBeUndefined();
  });
});
