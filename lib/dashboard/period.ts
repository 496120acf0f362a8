// The dashboard's time window, in UTC days: the presets the period picker offers, the window a
// request resolves to (defaults included), and the previous window of equal length it is compared
// with. Pure and client-safe, so the page, the API and the tests agree on every boundary.
import { dateWindow } from "@/lib/api/common-schemas";

export const periodPresets = ["7d", "30d", "90d"] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export const presetDays: Record<PeriodPreset, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** What a window without date_from covers: the 30 days ending at date_to (or today). */
export const defaultWindowDays = 30;
/** Long enough for two academic years, short enough that the day series stays a chart. */
export const maxWindowDays = 731;

const dayMs = 86_400_000;

/** "2026-05-01" for the UTC day of `date`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day `days` after `day` ("YYYY-MM-DD"); negative goes back. */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs));
}

/** "Last N days" ends today (UTC) and includes it: the 7d window of May 10 is May 4 – May 10. */
export function presetWindow(preset: PeriodPreset, now: Date = new Date()): { date_from: string; date_to: string } {
  const today = utcDay(now);
  return { date_from: addDays(today, -(presetDays[preset] - 1)), date_to: today };
}

export interface ResolvedWindow {
  /** Inclusive start of the window. */
  from: Date;
  /** Exclusive end of the window. */
  toExclusive: Date;
  /** Start of the previous window, which ends where this one starts and is as long. */
  previousFrom: Date;
  /** UTC days the window touches, for the day series: first and last, inclusive. */
  firstDay: string;
  lastDay: string;
  /** Number of UTC days from firstDay to lastDay. */
  dayCount: number;
}

/**
 * The window a dashboard request covers. Missing bounds default to "the 30 days ending today":
 * no date_to means up to the end of today (UTC), no date_from means 30 days before date_to.
 */
export function resolveWindow(body: { date_from?: string; date_to?: string }, now: Date = new Date()): ResolvedWindow {
  const given = dateWindow(body);
  const toExclusive = given.toExclusive ?? new Date(Date.parse(`${utcDay(now)}T00:00:00Z`) + dayMs);
  const from = given.from ?? new Date(toExclusive.getTime() - defaultWindowDays * dayMs);
  const previousFrom = new Date(from.getTime() - (toExclusive.getTime() - from.getTime()));
  const firstDay = utcDay(from);
  const lastDay = utcDay(new Date(Math.max(from.getTime(), toExclusive.getTime() - 1)));
  const dayCount = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / dayMs) + 1;
  return { from, toExclusive, previousFrom, firstDay, lastDay, dayCount };
}

/** The Monday (UTC) of the ISO week containing `day`, as Postgres's date_trunc('week') gives it. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
