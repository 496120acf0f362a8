"use client";

import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ProblemItem } from "@/lib/problems/schemas";
import { useResolveProblem } from "./use-resolve-problem";

const buttonClass =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 disabled:opacity-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * A problem's state (open, or resolved by whom and when) with its resolve / re-open button. What it
 * shows, newest first: the pending request (optimistic), the request's answer (until the refreshed
 * server data catches up), then the server's data.
 */
export function ProblemResolution({ problem, canResolve, now }: { problem: ProblemItem; canResolve: boolean; now: string }) {
  const mutation = useResolveProblem();
  const answer = mutation.isSuccess && mutation.data.updated_at >= problem.updated_at ? mutation.data : null;
  const resolved = mutation.isPending ? mutation.variables.resolved : (answer?.resolved ?? problem.resolved);
  const resolvedBy = answer ? answer.resolved_by_name : problem.resolved_by_name;
  const resolvedAt = answer ? answer.resolved_at : problem.resolved_at;
  const short = problem.description.length > 60 ? `${problem.description.slice(0, 57)}…` : problem.description;

  return (
    <div className="flex flex-col items-start gap-1" data-problem-id={problem.problem_id} data-resolved={resolved}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={resolved ? "green" : "amber"}>{resolved ? "Resolved" : "Open"}</Badge>
        {mutation.isPending ? (
          <span className="text-xs text-slate-600 dark:text-slate-300" role="status">
            Saving…
          </span>
        ) : resolved && resolvedAt ? (
          <span className="text-xs text-slate-600 dark:text-slate-300">
            by {resolvedBy ?? "someone no longer listed"} · {answer ? <TimeAgo iso={resolvedAt} /> : <TimeAgo iso={resolvedAt} now={new Date(now)} />}
          </span>
        ) : null}
        {canResolve ? (
          <button
            type="button"
            className={buttonClass}
            disabled={mutation.isPending}
            aria-label={`${resolved ? "Re-open" : "Resolve"} problem: ${short}`}
            onClick={() => mutation.mutate({ problem_id: problem.problem_id, resolved: !resolved, description: problem.description })}
          >
            {resolved ? "Re-open" : "Resolve"}
          </button>
        ) : null}
      </div>
      {mutation.isError ? (
        <p role="alert" className="max-w-xs whitespace-normal text-xs text-red-800 dark:text-red-300">
          Could not {mutation.variables.resolved ? "resolve" : "re-open"} this problem: {mutation.error.message} Nothing was changed.
        </p>
      ) : null}
    </div>
  );
}
