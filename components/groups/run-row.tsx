import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { formatUtc } from "@/lib/format/dates";
import { finishReasonLabels } from "@/lib/format/labels";
import { formatCompact, formatDuration, formatInteger } from "@/lib/format/numbers";
import type { MergedGroup, MergedRun } from "@/lib/groups/prepare";
import { MessageList } from "./message-list";

const statusTones: Record<MergedRun["run"]["status"], BadgeTone> = {
  succeeded: "green",
  running: "indigo",
  failed: "red",
  cancelled: "amber",
};

function Stat({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <span className="whitespace-nowrap" title={title}>
      <span className="text-slate-600 dark:text-slate-300">{label} </span>
      <span className="font-medium tabular-nums">{children}</span>
    </span>
  );
}

/** One run: a disclosure whose header sums the run up and whose panel is its conversation. */
export function RunRow({
  entry,
  number,
  group,
  expanded,
  onToggle,
  continues,
}: {
  entry: MergedRun;
  /** Position in the group, when known (the page started at the first message). */
  number: number | null;
  group: MergedGroup;
  expanded: boolean;
  onToggle: () => void;
  continues: boolean;
}) {
  const { run } = entry;
  const panelId = `run-${run.id}`;
  const model = group.models[run.model_id];
  const title = number ? `Run ${number}` : "Run";
  return (
    <li className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900" data-run-id={run.id}>
      <h3 className="m-0">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={onToggle}
          className="flex w-full items-start gap-3 rounded-lg px-3 py-2.5 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:hover:bg-slate-800/60"
        >
          <span aria-hidden className={`mt-0.5 inline-block text-slate-600 transition-transform dark:text-slate-300 ${expanded ? "rotate-90" : ""}`}>
            ▶
          </span>
          <span className="min-w-0 flex-1 space-y-1">
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-semibold">{title}</span>
              <Badge tone={statusTones[run.status]}>{run.status}</Badge>
              <span className="text-sm">
                {model?.name ?? "Unknown model"}
                {model ? <span className="text-slate-600 dark:text-slate-300"> · {model.provider}</span> : null}
              </span>
              <span className="text-sm text-slate-700 dark:text-slate-200">
                {group.agents[run.agent_id] ?? "Unknown agent"} <span className="text-slate-600 dark:text-slate-300">v{run.agent_version}</span>
              </span>
              <span className="text-sm text-slate-600 dark:text-slate-300">
                by {group.profiles[run.profile_id] ?? "unknown TA"} · <time dateTime={run.created_at}>{formatUtc(run.created_at)}</time>
              </span>
            </span>
            <span className="flex flex-wrap gap-x-4 gap-y-0.5 text-sm">
              <Stat label="Input" title={`${formatInteger(run.input_tokens)} input tokens`}>
                {formatCompact(run.input_tokens)}
              </Stat>
              <Stat label="Cached" title={`${formatInteger(run.cached_input_tokens)} of them from the cache`}>
                {formatCompact(run.cached_input_tokens)}
              </Stat>
              <Stat label="Output" title={`${formatInteger(run.output_tokens)} output tokens`}>
                {formatCompact(run.output_tokens)}
              </Stat>
              <Stat label="Cost">
                <Money amount={run.cost} />
              </Stat>
              <Stat label="Duration">
                {run.duration_ms === null ? (run.status === "running" ? "running" : "—") : formatDuration(run.duration_ms)}
              </Stat>
              {run.finish_reason ? <Stat label="Ended">{finishReasonLabels[run.finish_reason]}</Stat> : null}
            </span>
          </span>
        </button>
      </h3>
      {run.status === "failed" && run.error ? (
        <p className="mx-3 mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
          <span className="font-semibold">Error: </span>
          {run.error}
        </p>
      ) : null}
      <div id={panelId} hidden={!expanded} className="border-t border-slate-200 px-3 py-3 dark:border-slate-800">
        {expanded ? (
          <p className="mb-2 text-sm">
            <Link
              href={`/agents/${run.agent_id}`}
              className="font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
            >
              {group.agents[run.agent_id] ?? "This agent"}, version {run.agent_version}
            </Link>
            <span className="text-slate-600 dark:text-slate-300">: its other sessions, versions and usage</span>
          </p>
        ) : null}
        {expanded ? <MessageList run={entry} uploads={group.uploads} agentName={group.agents[run.agent_id]} continues={continues} /> : null}
      </div>
    </li>
  );
}
