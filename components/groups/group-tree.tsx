"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ErrorState } from "@/components/ui/states";
import { formatInteger } from "@/lib/format/numbers";
import { loadMoreLabel, mergeGroupPages } from "@/lib/groups/prepare";
import type { GetGroupResponse } from "@/lib/groups/schemas";
import { RunRow } from "./run-row";
import { useGroupPages } from "./use-group-pages";

const button =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

/** The group's runs as a tree of disclosures, with "Load more messages" paging through the rest. */
export function GroupTree({ initial, limit, openRunId }: { initial: GetGroupResponse; limit: number; openRunId?: string }) {
  const query = useGroupPages(initial, limit);
  const group = useMemo(() => mergeGroupPages(query.data.pages), [query.data.pages]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(openRunId ? [openRunId] : []));
  // A link to one run (e.g. from a problem) opens it and brings it into view.
  useEffect(() => {
    if (openRunId) document.querySelector(`li[data-run-id="${CSS.escape(openRunId)}"]`)?.scrollIntoView({ block: "start" });
  }, [openRunId]);

  const firstShown = group.loaded_message_count ? group.first_offset + 1 : 0;
  const lastShown = group.first_offset + group.loaded_message_count;
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen = group.runs.length > 0 && group.runs.every((entry) => expanded.has(entry.run.id));
  const lastRunId = group.runs[group.runs.length - 1]?.run.id;

  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="runs-heading" className="text-lg font-semibold">
            Runs
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="message-count">
            {group.total_message_count === 0
              ? "This group has no messages."
              : `Messages ${formatInteger(firstShown)}–${formatInteger(lastShown)} of ${formatInteger(group.total_message_count)}`}
          </p>
        </div>
        {group.runs.length ? (
          <button
            type="button"
            className={button}
            onClick={() => setExpanded(allOpen ? new Set() : new Set(group.runs.map((entry) => entry.run.id)))}
          >
            {allOpen ? "Collapse all runs" : "Expand all runs"}
          </button>
        ) : null}
      </div>

      {group.first_offset > 0 ? (
        <p className="text-sm">
          <Link
            href={`/groups/${initial.group_id}`}
            className="font-medium text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
          >
            Show from the first message
          </Link>{" "}
          <span className="text-slate-600 dark:text-slate-300">(this view starts at message {formatInteger(group.first_offset + 1)})</span>
        </p>
      ) : null}

      {group.runs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
          No runs on this page. Runs appear here once the group&apos;s persona has been called; try the first message.
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Runs of this group">
          {group.runs.map((entry, i) => (
            <RunRow
              key={entry.run.id}
              entry={entry}
              number={group.first_offset === 0 ? i + 1 : null}
              group={group}
              expanded={expanded.has(entry.run.id)}
              onToggle={() => toggle(entry.run.id)}
              continues={query.hasNextPage && entry.run.id === lastRunId}
            />
          ))}
        </ol>
      )}

      {query.isFetchNextPageError ? (
        <ErrorState message={query.error?.message ?? "The next messages could not be loaded."} onRetry={() => void query.fetchNextPage()} />
      ) : null}
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <button
            type="button"
            className={button}
            disabled={query.isFetchingNextPage}
            aria-busy={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? "Loading messages…" : loadMoreLabel(group.total_message_count - lastShown, limit)}
          </button>
        </div>
      ) : group.total_message_count > 0 ? (
        <p className="text-center text-sm text-slate-600 dark:text-slate-300">End of the group.</p>
      ) : null}
    </section>
  );
}
