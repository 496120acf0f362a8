// How a time window is read from the rollups: whole calendar months from the monthly table, the
// remaining whole UTC days from the daily one, and the sub-day edges (a window may start or end at
// any instant) live from the base tables. An edge is read the shorter way: the part of its day
// inside the window is added (`live`), or, when that part is the longer one, the whole day is read
// from the rollup and the part outside the window subtracted (`minus`). Summed with their signs the
// parts count every instant of the window exactly once and nothing outside it, so sums over them
// equal a live aggregation of the whole window.

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
  /** Read live and added. */
  live: InstantRange[];
  /** Read live and subtracted: the outside part of an edge day whose whole day is in `days`. */
  minus: InstantRange[];
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
  if (from !== undefined && to !== undefined && from >= to) return { months: null, days: [], live: [], minus: [] };
  if (coarsest === "live") return { months: null, days: [], live: [window], minus: [] };
  const live: InstantRange[] = [];
  const minus: InstantRange[] = [];
  const at = (ms: number) => new Date(ms);

  if (from !== undefined && to !== undefined && floorDay(from) === floorDay(to)) {
    // Inside one day: the window itself, or the day without what lies before and after it.
    const day = floorDay(from);
    if (to - from <= from - day + (day + dayMs - to)) return { months: null, days: [], live: [window], minus: [] };
    if (from > day) minus.push({ from: at(day), to: window.from });
    minus.push({ from: window.to, to: at(day + dayMs) });
    return { months: null, days: [{ from: isoDay(day), to: isoDay(day + dayMs) }], live, minus };
  }

  let firstDay: number | undefined;
  if (from !== undefined) {
    const [floor, ceil] = [floorDay(from), ceilDay(from)];
    if (from === floor || ceil - from <= from - floor) {
      firstDay = ceil;
      if (from !== floor) live.push({ from: window.from, to: at(ceil) });
    } else {
      firstDay = floor;
      minus.push({ from: at(floor), to: window.from });
    }
  }
  let endDay: number | undefined;
  if (to !== undefined) {
    const [floor, ceil] = [floorDay(to), ceilDay(to)];
    if (to === floor || to - floor <= ceil - to) {
      endDay = floor;
      if (to !== floor) live.push({ from: at(floor), to: window.to });
    } else {
      endDay = ceil;
      minus.push({ from: window.to, to: at(ceil) });
    }
  }
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) return { months: null, days: [], live, minus };

  const wholeDays = (a: number | undefined, b: number | undefined): DayRange => ({ from: dayOrUndefined(a), to: dayOrUndefined(b) });
  if (coarsest === "day") return { months: null, days: [wholeDays(firstDay, endDay)], live, minus };
  const firstMonth = firstDay === undefined ? undefined : ceilMonth(firstDay);
  const endMonth = endDay === undefined ? undefined : floorMonth(endDay);
  if (firstMonth !== undefined && endMonth !== undefined && firstMonth >= endMonth) {
    return { months: null, days: [wholeDays(firstDay, endDay)], live, minus };
  }
  const days: DayRange[] = [];
  if (firstDay !== undefined && firstMonth !== firstDay) days.push(wholeDays(firstDay, firstMonth));
  if (endDay !== undefined && endMonth !== endDay) days.push(wholeDays(endMonth, endDay));
  return { months: wholeDays(firstMonth, endMonth), days, live, minus };
}

function dayOrUndefined(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoDay(ms);
}

/**
 * [from, to) as whole UTC days and the partial days at its ends, with nothing subtracted: for
 * readers that take a maximum (the latest run), which a subtracted part cannot correct.
 */
export function wholeDaysAndEdges(window: InstantRange): { days: DayRange | null; live: InstantRange[] } {
  const from = window.from?.getTime();
  const to = window.to?.getTime();
  if (from !== undefined && to !== undefined && from >= to) return { days: null, live: [] };
  const firstDay = from === undefined ? undefined : ceilDay(from);
  const endDay = to === undefined ? undefined : floorDay(to);
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) return { days: null, live: [window] };
  const live: InstantRange[] = [];
  if (firstDay !== undefined && firstDay !== from) live.push({ from: window.from, to: new Date(firstDay) });
  if (endDay !== undefined && endDay !== to) live.push({ from: new Date(endDay), to: window.to });
  return { days: { from: dayOrUndefined(firstDay), to: dayOrUndefined(endDay) }, live };
}
