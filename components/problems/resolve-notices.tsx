"use client";

import { useMutationState } from "@tanstack/react-query";
import { useState } from "react";
import { formatUtc } from "@/lib/format/dates";
import type { ResolveProblemResponse } from "@/lib/problems/schemas";
import { resolveMutationKey, type ResolveVariables } from "./use-resolve-problem";

/**
 * The outcome of the latest resolve / re-open, from the mutation cache rather than the row: on the
 * Open tab a resolved problem leaves the list as soon as the data refreshes, and this still says who
 * resolved it and when (from the API's answer).
 */
export function ResolveNotices() {
  // Only outcomes of requests made while this view is shown, not ones from a page visited before.
  const [shownSince] = useState(() => Date.now());
  const outcomes = useMutationState({
    filters: { mutationKey: resolveMutationKey, status: "success" },
    select: (mutation) => ({
      submittedAt: mutation.state.submittedAt,
      variables: mutation.state.variables as ResolveVariables,
      data: mutation.state.data as ResolveProblemResponse,
    }),
  });
  const latest = outcomes.filter((outcome) => outcome.submittedAt >= shownSince).sort((a, b) => b.submittedAt - a.submittedAt)[0];

  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {latest ? (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {latest.data.resolved ? (
            <>
              Resolved “{latest.variables.description}”{latest.data.resolved_by_name ? ` — by ${latest.data.resolved_by_name}` : ""}
              {latest.data.resolved_at ? ` at ${formatUtc(latest.data.resolved_at)}` : ""}.
            </>
          ) : (
            <>Re-opened “{latest.variables.description}”; it is back among the open problems.</>
          )}
        </p>
      ) : null}
    </div>
  );
}
