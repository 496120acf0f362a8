import { describe, expect, it } from "vitest";
import { addDays, presetWindow, resolveWindow, weekStart } from "./period";

const now = new Date("2026-11-22T21:25:00Z");

describe("presetWindow", () => {
  it("ends today (UTC) and includes it", () => {
    expect(presetWindow("7d", now)).toEqual({ date_from: "2026-11-16", date_to: "2026-11-22" });
    expect(presetWindow("30d", now)).toEqual({ date_from: "2026-10-24", date_to: "2026-11-22" });
    expect(presetWindow("90d", now)).toEqual({ date_from: "2026-08-25", date_to: "2026-11-22" });
  });
});

describe("resolveWindow", () => {
  it("compares with the previous window of equal length", () => {
    const w = resolveWindow({ date_from: "2026-11-16", date_to: "2026-11-22" }, now);
    expect(w.from.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(w.toExclusive.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(w.previousFrom.toISOString()).toBe("2026-11-09T00:00:00.000Z");
    expect([w.firstDay, w.lastDay, w.dayCount]).toEqual(["2026-11-16", "2026-11-22", 7]);
  });

  it("defaults to the 30 days ending today", () => {
    const w = resolveWindow({}, now);
    expect([w.firstDay, w.lastDay, w.dayCount]).toEqual(["2026-10-24", "2026-11-22", 30]);
    const toOnly = resolveWindow({ date_to: "2024-03-31" }, now);
    expect([toOnly.firstDay, toOnly.lastDay]).toEqual(["2024-03-02", "2024-03-31"]);
    const fromOnly = resolveWindow({ date_from: "2026-11-20" }, now);
    expect([fromOnly.firstDay, fromOnly.lastDay]).toEqual(["2026-11-20", "2026-11-22"]);
  });

  it("keeps date-times exact and names the UTC days they touch", () => {
    const w = resolveWindow({ date_from: "2024-03-10T09:00:00Z", date_to: "2024-03-11T08:59:59.999Z" }, now);
    expect(w.toExclusive.toISOString()).toBe("2024-03-11T09:00:00.000Z");
    expect(w.previousFrom.toISOString()).toBe("2024-03-09T09:00:00.000Z");
    expect([w.firstDay, w.lastDay, w.dayCount]).toEqual(["2024-03-10", "2024-03-11", 2]);
  });
});

it("does calendar arithmetic in UTC days and ISO weeks", () => {
  expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  expect(weekStart("2024-03-10")).toBe("2024-03-04"); // a Sunday belongs to the week before
  expect(weekStart("2024-03-11")).toBe("2024-03-11");
  expect(weekStart("2024-03-01")).toBe("2024-02-26");
});
