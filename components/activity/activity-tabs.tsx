"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ActivityView } from "@/lib/activity/search-params";

const views: { view: ActivityView; label: string }[] = [
  { view: "profiles", label: "Profiles" },
  { view: "follow_up", label: "Who needs follow-up" },
];

/** The page's two views as links, so the view is in the URL and each tab opens in a new tab too. */
export function ActivityTabs({ current }: { current: ActivityView }) {
  // Read on the client: a sort pushed without a server round trip is kept when switching views.
  const query = useSearchParams().toString();
  return (
    <nav aria-label="Activity views" className="border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-1">
        {views.map(({ view, label }) => {
          const params = new URLSearchParams(query);
          params.delete("view");
          if (view !== "profiles") params.set("view", view);
          const href = params.size ? `/activity?${params}` : "/activity";
          const active = view === current;
          return (
            <li key={view}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
                  active
                    ? "border-indigo-700 text-indigo-800 dark:border-indigo-300 dark:text-indigo-200"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
