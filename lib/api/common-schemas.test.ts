import { describe, expect, it } from "vitest";
import { z } from "zod";
import { activityFilters, checkDateWindow, dateWindow } from "./common-schemas";

const filters = z.strictObject(activityFilters).superRefine(checkDateWindow);

describe("activity filters", () => {
  it.each(["2025-01-01", "2025-06-30T23:59:59Z", "2025-06-30T10:00:00.5+02:00", "2024-02-29"])("accept %s", (date) => {
    expect(filters.safeParse({ date_from: date }).success).toBe(true);
  });

  it.each(["2025-02-30", "2025-13-01", "2023-02-29", "yesterday", "2025-01-01T10:00", "20250101"])("reject %s naming the field", (date) => {
    const result = filters.safeParse({ date_to: date });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["date_to"]);
  });

  it("rejects a window that ends before it starts, on date_from", () => {
    const result = filters.safeParse({ date_from: "2025-06-30", date_to: "2025-01-01" });
    expect(result.error?.issues[0]?.path).toEqual(["date_from"]);
    expect(filters.safeParse({ date_from: "2025-06-30", date_to: "2025-06-30" }).success).toBe(true);
  });

  it("makes a bare date_to cover its whole UTC day", () => {
    const window = dateWindow({ date_from: "2025-01-01", date_to: "2025-01-31" });
    expect(window.from?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(window.toExclusive?.toISOString()).toBe("2025-02-01T00:00:00.000Z");
  });
});
