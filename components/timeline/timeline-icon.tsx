import type { TimelineEventType, TimelineTone } from "@/lib/sessions/prepare";

// One small inline SVG per event type (24×24, drawn with strokes), so no icon font or emoji font
// is needed; the text label beside it carries the meaning.
const paths: Record<TimelineEventType, string> = {
  session_started: "M8 5v14l11-7z",
  session_ended: "M7 7h10v10H7z",
  chat_started: "M4 5h16v10H9l-5 4z",
  attempt_started: "M6 3h8l4 4v14H6zM9 12h6M9 16h6",
  attempt_scored: "M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8 6.6 19.7l1.1-6.1-4.5-4.2 6.1-.8z",
  group_created: "M3 6h6l2 2h10v11H3z",
  run_started: "M13 2 4 14h7l-1 8 9-12h-7z",
  run_finished: "M5 12.5l4.5 4.5L19 7.5",
  run_failed: "M6 6l12 12M18 6 6 18",
  run_cancelled: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM7 12h10",
  problem_flagged: "M5 21V4h11l-2 4 2 4H5",
  problem_resolved: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12.5l3 3 5-6",
};

const tones: Record<TimelineTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  indigo: "bg-indigo-100 text-indigo-800 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-700",
  green: "bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  red: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700",
  amber: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
};

export function TimelineIcon({ type, tone }: { type: TimelineEventType; tone: TimelineTone }) {
  return (
    <span className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full ring-1 ${tones[tone]}`}>
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={paths[type]} />
      </svg>
    </span>
  );
}
