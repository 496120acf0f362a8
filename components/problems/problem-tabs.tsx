"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { formatInteger } from "@/lib/format/numbers";
import type { ProblemStatusTab } from "@/lib/problems/search-params";

const tabs: { value: ProblemStatusTab; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

/**
 * Open / Resolved / All as links (they change the URL, so each tab can be bookmarked), keeping the
 * other filters and going back to page 1. Counts are for the current filters.
 */
export function ProblemTabs({ current, counts }: { current: ProblemStatusTab; counts: Record<ProblemStatusTab, number> }) {
  const searchParams = useSearchParams();
  const href = (status: ProblemStatusTab) => {
    const next = new URLSearchParams(searchParams.toString());
    next.delete("page");
    if (status === "open") next.delete("status");
    else next.set("status", status);
    const query = next.toString();
    return query ? `/problems?${query}` : "/problems";
  };
  return (
    <nav aria-label="Problem status" className="border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-1">
        {tabs.map((tab) => {
          const active = tab.value === current;
          return (
            <li key={tab.value}>
              <Link
                href={href(tab.value)}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
                  active
                    ? "border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
                }`}
              >
                {tab.label}
                <span
                  className="rounded-full bg-slate-100 px-2 text-xs tabular-nums text-slate-800 dark:bg-slate-800 dark:text-slate-100"
                  data-testid={`count-${tab.value}`}
                >
                  {formatInteger(counts[tab.value])}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
