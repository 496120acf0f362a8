import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitWindow, type Grain, type WindowParts } from "./window";

const t = (iso: string) => new Date(iso);
const farPast = Date.UTC(1990, 0, 1);
const farFuture = Date.UTC(2100, 0, 1);

/** The parts as [start, end) instants, in order; unbounded ends become the far past / future. */
function intervals(parts: WindowParts): Array<[number, number, string]> {
  const day = (d: string | undefined, open: number) => (d === undefined ? open : Date.parse(`${d}T00:00:00Z`));
  const list: Array<[number, number, string]> = [];
  if (parts.months) list.push([day(parts.months.from, farPast), day(parts.months.to, farFuture), "month"]);
  for (const d of parts.days) list.push([day(d.from, farPast), day(d.to, farFuture), "day"]);
  for (const l of parts.live) list.push([l.from?.getTime() ?? farPast, l.to?.getTime() ?? farFuture, "live"]);
  return list.filter(([a, b]) => a < b).sort((a, b) => a[0] - b[0]);
}

const isMonthStart = (ms: number) => new Date(ms).getUTCDate() === 1 && ms % 86_400_000 === 0;

describe("splitWindow", () => {
  it("reads whole months monthly, the rest of the whole days daily and only the sub-day edges live", () => {
    expect(splitWindow({ from: t("2026-01-15T10:30:00Z"), to: t("2026-04-03T08:00:00Z") })).toEqual({
      months: { from: "2026-02-01", to: "2026-04-01" },
      days: [
        { from: "2026-01-16", to: "2026-02-01" },
        { from: "2026-04-01", to: "2026-04-03" },
      ],
      live: [
        { from: t("2026-01-15T10:30:00Z"), to: t("2026-01-16T00:00:00Z") },
        { from: t("2026-04-03T00:00:00Z"), to: t("2026-04-03T08:00:00Z") },
      ],
    });
  });

  it("needs nothing live for a window of whole days, and only months for whole months", () => {
    expect(splitWindow({ from: t("2026-03-01T00:00:00Z"), to: t("2026-05-01T00:00:00Z") })).toEqual({
      months: { from: "2026-03-01", to: "2026-05-01" },
      days: [],
      live: [],
    });
    expect(splitWindow({})).toEqual({ months: {}, days: [], live: [] });
  });

  it("keeps unbounded ends unbounded", () => {
    expect(splitWindow({ to: t("2026-03-10T00:00:00Z") })).toEqual({
      months: { from: undefined, to: "2026-03-01" },
      days: [{ from: "2026-03-01", to: "2026-03-10" }],
      live: [],
    });
  });

  it("reads a window inside one day live, and an empty window not at all", () => {
    const window = { from: t("2026-03-10T01:00:00Z"), to: t("2026-03-10T05:00:00Z") };
    expect(splitWindow(window)).toEqual({ months: null, days: [], live: [window] });
    expect(splitWindow({ from: t("2026-03-10T05:00:00Z"), to: t("2026-03-10T05:00:00Z") })).toEqual({ months: null, days: [], live: [] });
  });

  it("never uses months for a per-day series, and nothing but the base tables for the live reference", () => {
    const window = { from: t("2026-01-15T10:30:00Z"), to: t("2026-04-03T08:00:00Z") };
    expect(splitWindow(window, "day").months).toBeNull();
    expect(splitWindow(window, "live")).toEqual({ months: null, days: [], live: [window] });
  });

  it("covers any window exactly once, each part aligned to its grain", () => {
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) });
    const bound = fc.option(fc.oneof(instant, instant.map((ms) => Math.floor(ms / 86_400_000) * 86_400_000)), { nil: undefined });
    const grain = fc.constantFrom<Grain>("month", "day", "live");
    fc.assert(
      fc.property(bound, bound, grain, (a, b, coarsest) => {
        const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const parts = splitWindow({ from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) }, coarsest);
        const list = intervals(parts);
        const start = from ?? farPast;
        const end = to ?? farFuture;
        if (start >= end) {
          expect(list).toEqual([]);
          return;
        }
        expect(list[0]![0]).toBe(start);
        expect(list[list.length - 1]![1]).toBe(end);
        for (let i = 1; i < list.length; i++) expect(list[i]![0]).toBe(list[i - 1]![1]);
        for (const [lo, hi, kind] of list) {
          if (kind === "month") {
            if (lo !== farPast) expect(isMonthStart(lo)).toBe(true);
            if (hi !== farFuture) expect(isMonthStart(hi)).toBe(true);
          }
          if (kind === "day") expect((lo % 86_400_000) + (hi % 86_400_000)).toBe(0);
          if (kind === "live" && coarsest !== "live") expect(hi - lo).toBeLessThan(86_400_000);
        }
        if (coarsest !== "month") expect(parts.months).toBeNull();
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });
});
