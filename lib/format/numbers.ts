// Built once: constructing an Intl formatter costs tens of microseconds, and a table of 400 rows
// formats a few thousand numbers (that alone was most of the Activity page's render time).
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "950", "12.3K", "1.2M", "3.4B": token counts for people. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** "1,234,567": the exact count, for tooltips and tables where precision matters. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "2.5 KB", "1.3 MB": file sizes for people (1 KB = 1,024 bytes, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${(value < 10 ? oneDecimal : integer).format(value)} ${units[unit]}`;
}

/** "850 ms", "12.4 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min${Math.round(seconds % 60) ? ` ${Math.round(seconds % 60)} s` : ""}`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/** "42%" with the change sign for KPI deltas: "+12%", "−3%", "new" when there was nothing before. */
export function formatChange(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? "0%" : "new";
  const change = ((current - previous) / previous) * 100;
  const rounded = Math.round(change);
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded)}%`;
}
