"use client";

import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ProblemItem } from "@/lib/problems/schemas";
import { ProblemKind } from "./problem-kind";
import { ProblemResolution } from "./problem-resolution";
import { ResolveNotices } from "./resolve-notices";
import { SeverityBadge } from "./severity-badge";

/** The problems flagged on one session, oldest first, each with its resolve / re-open button. */
export function SessionProblems({ problems, canResolve, now }: { problems: ProblemItem[]; canResolve: boolean; now: string }) {
  if (problems.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No problems were flagged on this session.</p>;
  }
  return (
    <div className="space-y-3">
      <ResolveNotices />
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {problems.map((problem) => (
          <li key={problem.problem_id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <ProblemKind kind={problem.kind} />
                <SeverityBadge severity={problem.severity} />
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  flagged <TimeAgo iso={problem.created_at} now={new Date(now)} />
                </span>
              </p>
              <p className="break-words text-sm">{problem.description}</p>
              {problem.group_id ? (
                <Link
                  href={`/groups/${problem.group_id}`}
                  className="text-xs text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
                >
                  Open the generation group
                </Link>
              ) : null}
            </div>
            <ProblemResolution problem={problem} canResolve={canResolve} now={now} />
          </li>
        ))}
      </ul>
    </div>
  );
}
