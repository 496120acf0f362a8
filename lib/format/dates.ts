// The one date formatter: relative for reading ("3 h ago"), exact UTC for hovering and exports.

/** "2026-05-01 14:03:22 UTC" */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

// Built once (constructing a formatter costs tens of microseconds; tables format thousands of dates).
const day = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "May 1, 2026" in UTC, so the server and the browser render the same text. */
export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

/** "May 1" in UTC: chart axes and date ranges within one year ("YYYY-MM-DD" days work too). */
export function formatShortDay(iso: string): string {
  return shortDay.format(new Date(iso));
}

const units: [Intl.RelativeTimeFormatUnit, number, string][] = [
  ["year", 365 * 86_400_000, "y"],
  ["month", 30 * 86_400_000, "mo"],
  ["week", 7 * 86_400_000, "w"],
  ["day", 86_400_000, "d"],
  ["hour", 3_600_000, "h"],
  ["minute", 60_000, "min"],
];

/** "just now", "5 min ago", "3 h ago", "2 d ago", "in 4 d". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const delta = new Date(iso).getTime() - now.getTime();
  const distance = Math.abs(delta);
  for (const [, size, short] of units) {
    if (distance >= size) {
      const count = Math.floor(distance / size);
      return delta < 0 ? `${count} ${short} ago` : `in ${count} ${short}`;
    }
  }
  return "just now";
}
