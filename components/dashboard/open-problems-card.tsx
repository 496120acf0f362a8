import Link from "next/link";
import { SeverityBadge } from "@/components/problems/severity-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DashboardResponse } from "@/lib/dashboard/schemas";
import { problemKindLabel } from "@/lib/format/labels";

const linkClass =
  "rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

/** The newest open problems of the period, each a link to the session it was flagged in. */
export function OpenProblemsCard({ problems, now }: { problems: DashboardResponse["open_problems"]; now: Date }) {
  return (
    <Card
      title="Newest open problems"
      action={
        <Link href="/problems" className={`${linkClass} text-sm`}>
          All problems
        </Link>
      }
    >
      {problems.length === 0 ? (
        <EmptyState title="No open problems in this period">
          Nothing flagged in these days is waiting for you. Pick a longer period to look further back.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Newest open problems">
          {problems.map((problem) => (
            <li key={problem.problem_id} data-problem-id={problem.problem_id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <SeverityBadge severity={problem.severity} />
              <Link href={`/sessions/${problem.session_id}`} className={linkClass}>
                {problemKindLabel(problem.kind)}
                <span className="sr-only"> in a session of {problem.profile_name}</span>
              </Link>
              <span className="text-slate-700 dark:text-slate-200">{problem.profile_name}</span>
              <span className="ml-auto text-slate-600 dark:text-slate-300">
                <TimeAgo iso={problem.created_at} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
