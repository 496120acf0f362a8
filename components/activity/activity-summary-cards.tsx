import type { SummaryCard } from "@/lib/activity/prepare";

export function ActivitySummaryCards({ cards }: { cards: SummaryCard[] }) {
  return (
    <ul aria-label="Summary" className="grid grid-cols-2 gap-3 md:grid-cols-5">
      {cards.map((card) => (
        <li
          key={card.label}
          data-summary={card.label}
          className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <p className="text-sm text-slate-600 dark:text-slate-300">{card.label}</p>
          <p data-summary-value className="mt-1 text-2xl font-semibold tabular-nums">
            {card.value}
          </p>
        </li>
      ))}
    </ul>
  );
}
