import { expect, it } from "vitest";
import { addDecimal, compareDecimals, decimalString, sumDecimals } from "./decimal";

it.each([
  ["0.1", "0.2", "0.3"],
  ["0.1", "0.20", "0.3"],
  ["0", "0", "0"],
  ["1.5", "2.5", "4"],
  ["0.0000000001", "0.0000000002", "0.0000000003"],
  ["90071992547409.93", "0.07", "90071992547410"],
  ["-1.25", "0.25", "-1"],
  ["-0.5", "0.25", "-0.25"],
])("%s + %s = %s", (a, b, sum) => {
  expect(addDecimal(a, b)).toBe(sum);
});

it("sums a list exactly, where floats would drift", () => {
  expect(sumDecimals(Array.from({ length: 10 }, () => "0.1"))).toBe("1");
  expect(sumDecimals([])).toBe("0");
});

it("adds money strings of mixed scales and signs", () => {
  expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
  expect(sumDecimals(["3.29544", "2.4326958", "0.0000001"])).toBe("5.7281359");
  expect(sumDecimals(["1", "-0.25"])).toBe("0.75");
});

it("writes a Prisma decimal without exponent or trailing zeros, and none as 0", () => {
  expect(decimalString({ toFixed: () => "0.0000001" })).toBe("0.0000001");
  expect(decimalString(null)).toBe("0");
});

it("compares amounts, not spellings", () => {
  expect(compareDecimals("1.2300", "1.23")).toBe(0);
  expect(compareDecimals("0.0000000001", "0")).toBe(1);
  expect(compareDecimals("9.99", "10")).toBe(-1);
  expect(compareDecimals("-1", "-0.5")).toBe(-1);
  expect(compareDecimals("0.1000000000", "0.2000000000")).toBe(-1);
  expect(sumDecimals(["0.1000000000", "0.2000000000", "0.0000000001"])).toBe("0.3000000001");
});
