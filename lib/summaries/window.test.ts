import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitWindow, type Grain, type WindowParts } from "./window";

const t = (iso: string) => new Date(iso);
const farPast = Date.UTC(1990, 0, 1);
const farFuture = Date.UTC(2100, 0, 1);

/** The parts as [start, end) instants with their sign; unbounded ends become the far past / future. */
function intervals(parts: WindowParts): Array<[number, number, string, 1 | -1]> {
  const day = (d: string | undefined, open: number) => (d === undefined ? open : Date.parse(`${d}T00:00:00Z`));
  const list: Array<[number, number, string, 1 | -1]> = [];
  if (parts.months) list.push([day(parts.months.from, farPast), day(parts.months.to, farFuture), "month", 1]);
  for (const d of parts.days) list.push([day(d.from, farPast), day(d.to, farFuture), "day", 1]);
  for (const l of parts.live) list.push([l.from?.getTime() ?? farPast, l.to?.getTime() ?? farFuture, "live", 1]);
  for (const l of parts.minus) list.push([l.from?.getTime() ?? farPast, l.to?.getTime() ?? farFuture, "minus", -1]);
  return list.filter(([a, b]) => a < b).sort((a, b) => a[0] - b[0]);
}

/** How many times each stretch of time is counted, parts summed with their signs. */
function coverage(list: ReadonlyArray<[number, number, string, 1 | -1]>): Array<[number, number, number]> {
  const steps = new Map<number, number>();
  for (const [lo, hi, , sign] of list) {
    steps.set(lo, (steps.get(lo) ?? 0) + sign);
    steps.set(hi, (steps.get(hi) ?? 0) - sign);
  }
  const points = [...steps.keys()].sort((a, b) => a - b);
  const stretches: Array<[number, number, number]> = [];
  let level = 0;
  for (let i = 0; i < points.length - 1; i++) {
    level += steps.get(points[i]!)!;
    stretches.push([points[i]!, points[i + 1]!, level]);
  }
  return stretches;
}

const isMonthStart = (ms: number) => new Date(ms).getUTCDate() === 1 && ms % 86_400_000 === 0;

describe("splitWindow", () => {
  it("reads whole months monthly, the rest of the whole days daily and each sub-day edge live the shorter way", () => {
    // 13.5 h of January 15 are inside the window: read the day whole and subtract the 10.5 h before.
    // 8 h of April 3 are inside: read them live.
    expect(splitWindow({ from: t("2026-01-15T10:30:00Z"), to: t("2026-04-03T08:00:00Z") })).toEqual({
      months: { from: "2026-02-01", to: "2026-04-01" },
      days: [
        { from: "2026-01-15", to: "2026-02-01" },
        { from: "2026-04-01", to: "2026-04-03" },
      ],
      live: [{ from: t("2026-04-03T00:00:00Z"), to: t("2026-04-03T08:00:00Z") }],
      minus: [{ from: t("2026-01-15T00:00:00Z"), to: t("2026-01-15T10:30:00Z") }],
    });
    // A start late in the day is read live; an end late in the day is its whole day minus the rest.
    expect(splitWindow({ from: t("2026-01-15T20:00:00Z"), to: t("2026-01-20T22:00:00Z") })).toEqual({
      months: null,
      days: [{ from: "2026-01-16", to: "2026-01-21" }],
      live: [{ from: t("2026-01-15T20:00:00Z"), to: t("2026-01-16T00:00:00Z") }],
      minus: [{ from: t("2026-01-20T22:00:00Z"), to: t("2026-01-21T00:00:00Z") }],
    });
  });

  it("needs nothing live for a window of whole days, and only months for whole months", () => {
    expect(splitWindow({ from: t("2026-03-01T00:00:00Z"), to: t("2026-05-01T00:00:00Z") })).toEqual({
      months: { from: "2026-03-01", to: "2026-05-01" },
      days: [],
      live: [],
      minus: [],
    });
    expect(splitWindow({})).toEqual({ months: {}, days: [], live: [], minus: [] });
  });

  it("keeps unbounded ends unbounded", () => {
    expect(splitWindow({ to: t("2026-03-10T00:00:00Z") })).toEqual({
      months: { from: undefined, to: "2026-03-01" },
      days: [{ from: "2026-03-01", to: "2026-03-10" }],
      live: [],
      minus: [],
    });
  });

  it("reads a short window inside one day live, a long one as the day minus the rest, and an empty window not at all", () => {
    const window = { from: t("2026-03-10T01:00:00Z"), to: t("2026-03-10T05:00:00Z") };
    expect(splitWindow(window)).toEqual({ months: null, days: [], live: [window], minus: [] });
    expect(splitWindow({ from: t("2026-03-10T00:30:00Z"), to: t("2026-03-10T23:00:00Z") })).toEqual({
      months: null,
      days: [{ from: "2026-03-10", to: "2026-03-11" }],
      live: [],
      minus: [
        { from: t("2026-03-10T00:00:00Z"), to: t("2026-03-10T00:30:00Z") },
        { from: t("2026-03-10T23:00:00Z"), to: t("2026-03-11T00:00:00Z") },
      ],
    });
    expect(splitWindow({ from: t("2026-03-10T05:00:00Z"), to: t("2026-03-10T05:00:00Z") })).toEqual({ months: null, days: [], live: [], minus: [] });
  });

  it("never uses months for a per-day series, and nothing but the base tables for the live reference", () => {
    const window = { from: t("2026-01-15T10:30:00Z"), to: t("2026-04-03T08:00:00Z") };
    expect(splitWindow(window, "day").months).toBeNull();
    expect(splitWindow(window, "live")).toEqual({ months: null, days: [], live: [window], minus: [] });
  });

  it("counts every instant of any window exactly once and nothing outside it, each part aligned to its grain", () => {
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) });
    const bound = fc.option(
      fc.oneof(
        instant,
        instant.map((ms) => Math.floor(ms / 86_400_000) * 86_400_000),
      ),
      { nil: undefined },
    );
    const grain = fc.constantFrom<Grain>("month", "day", "live");
    fc.assert(
      fc.property(bound, bound, grain, (a, b, coarsest) => {
        const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const parts = splitWindow(
          { from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) },
          coarsest,
        );
        const list = intervals(parts);
        const start = from ?? farPast;
        const end = to ?? farFuture;
        if (start >= end) {
          expect(list).toEqual([]);
          return;
        }
        for (const [lo, hi, level] of coverage(list)) expect([lo, hi, level]).toEqual([lo, hi, lo >= start && hi <= end ? 1 : 0]);
        expect(
          coverage(list)
            .filter(([, , level]) => level === 1)
            .reduce((sum, [lo, hi]) => sum + hi - lo, 0),
        ).toBe(end - start);
        for (const [lo, hi, kind] of list) {
          if (kind === "month") {
            if (lo !== farPast) expect(isMonthStart(lo)).toBe(true);
            if (hi !== farFuture) expect(isMonthStart(hi)).toBe(true);
          }
          if (kind === "day") expect((lo % 86_400_000) + (hi % 86_400_000)).toBe(0);
          // The shorter way: no edge reads more than half a day live.
          if ((kind === "live" || kind === "minus") && coarsest !== "live") expect(hi - lo).toBeLessThanOrEqual(43_200_000);
        }
        if (coarsest !== "month") expect(parts.months).toBeNull();
        if (coarsest === "live") expect(parts.minus).toEqual([]);
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });
});
