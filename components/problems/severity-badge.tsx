import { problemSeverityLabel } from "@/lib/format/labels";

// Colour and text together: the word carries the meaning for people who cannot tell the colours apart.
const styles: Record<string, string> = {
  low: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  high: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  critical: "bg-red-700 text-white dark:bg-red-600 dark:text-white",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${styles[severity] ?? styles.low}`}>
      {severity === "critical" || severity === "high" ? <span aria-hidden>▲</span> : null}
      {problemSeverityLabel(severity)}
    </span>
  );
}
