import { expect, it } from "vitest";
import { addDecimal, sumDecimals } from "./decimal";

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
