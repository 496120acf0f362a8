// How a time window is read from the rollups: whole calendar months from the monthly table, the
// remaining whole UTC days from the daily one, and the sub-day edges (a window may start or end at
// any instant) live from the base tables. The parts never overlap and together cover the window
// exactly, so sums over them equal a live aggregation of the whole window.

/** A [from, to) range of "YYYY-MM-DD" UTC days or months (first day); a missing end is unbounded. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** A [from, to) range of instants read live; a missing end is unbounded. */
export interface InstantRange {
  from?: Date;
  to?: Date;
}

export interface WindowParts {
  months: DayRange | null;
  days: DayRange[];
  live: InstantRange[];
}

/** Which rollup grains a reader can use: per-day charts cannot take months. */
export type Grain = "month" | "day" | "live";

const dayMs = 86_400_000;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function floorDay(ms: number): number {
  return Math.floor(ms / dayMs) * dayMs;
}

function ceilDay(ms: number): number {
  return Math.ceil(ms / dayMs) * dayMs;
}

function floorMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function ceilMonth(ms: number): number {
  const floor = floorMonth(ms);
  if (floor === ms) return ms;
  const d = new Date(floor);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * Splits [from, to) into the parts each source answers. `coarsest` caps the grain: "day" for
 * per-day series, "live" to read everything from the base tables (the reference the rollups are
 * tested against).
 */
export function splitWindow(window: InstantRange, coarsest: Grain = "month"): WindowParts {
  const from = window.from?.getTime();
  const to = window.to?.getTime();
  if (coarsest === "live" || (from !== undefined && to !== undefined && ceilDay(from) >= floorDay(to))) {
    return { months: null, days: [], live: from !== undefined && to !== undefined && from >= to ? [] : [window] };
  }
  const live: InstantRange[] = [];
  const firstDay = from === undefined ? undefined : ceilDay(from);
  const endDay = to === undefined ? undefined : floorDay(to);
  if (from !== undefined && firstDay !== from) live.push({ from: window.from, to: new Date(firstDay!) });
  if (to !== undefined && endDay !== to) live.push({ from: new Date(endDay!), to: window.to });

  if (coarsest === "day") {
    return { months: null, days: [{ from: dayOrUndefined(firstDay), to: dayOrUndefined(endDay) }], live };
  }
  const firstMonth = firstDay === undefined ? undefined : ceilMonth(firstDay);
  const endMonth = endDay === undefined ? undefined : floorMonth(endDay);
  if (firstMonth !== undefined && endMonth !== undefined && firstMonth >= endMonth) {
    return { months: null, days: [{ from: dayOrUndefined(firstDay), to: dayOrUndefined(endDay) }], live };
  }
  const days: DayRange[] = [];
  if (firstDay !== undefined && firstMonth !== firstDay) days.push({ from: isoDay(firstDay), to: isoDay(firstMonth!) });
  if (endDay !== undefined && endMonth !== endDay) days.push({ from: isoDay(endMonth!), to: isoDay(endDay) });
  return { months: { from: dayOrUndefined(firstMonth), to: dayOrUndefined(endMonth) }, days, live };
}

function dayOrUndefined(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoDay(ms);
}
