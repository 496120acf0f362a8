import Link from "next/link";
import type { ReactNode } from "react";
import { Money } from "@/components/ui/money";
import { Stat } from "@/components/ui/stat";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatUtc } from "@/lib/format/dates";
import { sessionDuration } from "@/lib/sessions/prepare";
import type { GetSessionResponse } from "@/lib/sessions/schemas";
import { CompactNumber, Count } from "@/components/data-table/number-cells";
import { formatDuration } from "@/lib/format/numbers";
import { SessionStatusBadge } from "./session-status-badge";

/** Who, when, how long and how much: the top of a session's page. */
export function SessionHeader({
  session,
  openProblems,
  now,
  action,
  profileAction,
  live,
}: {
  session: GetSessionResponse;
  openProblems: number;
  now: string;
  action: ReactNode;
  /** Beside the TA's name, e.g. an admin's "View as". */
  profileAction?: ReactNode;
  /** Beside the status badge: the live-updates indicator of an active session. */
  live?: ReactNode;
}) {
  const duration = sessionDuration(session);
  return (
    <header className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href="/sessions"
          className="text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Sessions
        </Link>
        <span aria-hidden className="px-1 text-slate-500 dark:text-slate-400">
          /
        </span>
        <span className="text-slate-600 dark:text-slate-300">{session.title ?? "Untitled session"}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            <span className="break-words">{session.title ?? "Untitled session"}</span>
            <SessionStatusBadge status={session.status} endedAt={session.ended_at} />
            {live}
          </h1>
          <p className="text-sm text-slate-700 dark:text-slate-200">
            {session.profile_id ? (
              <Link
                href={`/sessions?profile_id=${session.profile_id}`}
                className="font-medium text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
              >
                {session.profile_name}
              </Link>
            ) : (
              session.profile_name
            )}
            <span className="text-slate-600 dark:text-slate-300"> · {session.department_name ?? "No department"}</span>
            {profileAction ? <span className="ml-2 inline-block align-middle">{profileAction}</span> : null}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Started {session.session_created_at ? <TimeAgo iso={session.session_created_at} now={new Date(now)} /> : "at an unknown time"}
            {session.session_created_at ? ` (${formatUtc(session.session_created_at)})` : ""}
            {session.ended_at ? <> · ended {formatUtc(session.ended_at)}</> : " · still active"}
          </p>
          {session.tags.length > 0 ? (
            <ul aria-label="Tags" className="flex flex-wrap gap-1.5 pt-1">
              {session.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    href={`/sessions?${new URLSearchParams({ tags: tag })}`}
                    title={`Sessions tagged ${tag}`}
                    className="block rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs text-slate-700 hover:border-indigo-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200"
                  >
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {session.agents.length > 0 ? (
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700 dark:text-slate-200">
              <span className="text-slate-600 dark:text-slate-300">Agents:</span>
              {session.agents.map((agent, index) => (
                <span key={agent.agent_id}>
                  <Link
                    href={`/agents/${agent.agent_id}`}
                    title={`${agent.run_count} ${agent.run_count === 1 ? "run" : "runs"} at ${agent.versions.map((v) => `version ${v}`).join(", ")}`}
                    className="font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
                  >
                    {agent.name}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-300"> {agent.versions.map((v) => `v${v}`).join(", ")}</span>
                  {index < session.agents.length - 1 ? <span aria-hidden>,</span> : null}
                </span>
              ))}
            </p>
          ) : null}
        </div>
        {action}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label={duration?.ongoing ? "Duration so far" : "Duration"}>{duration?.text ?? "—"}</Stat>
        <Stat label="Groups">
          <Count value={session.groups.length} />
        </Stat>
        <Stat label="Runs">
          <Count value={session.run_count} />
          {session.failed_run_count > 0 ? (
            <>
              {" "}
              <span className="text-sm font-normal text-red-800 dark:text-red-300">({session.failed_run_count} failed)</span>
            </>
          ) : null}
        </Stat>
        <Stat label="Mean response">{session.avg_response_ms === null ? "—" : formatDuration(session.avg_response_ms)}</Stat>
        <Stat label="Tokens">
          <CompactNumber value={session.total_tokens} />
        </Stat>
        <Stat label="Cost">
          <Money amount={session.total_cost} />
        </Stat>
        <Stat label="Open problems">
          <Count value={openProblems} />
        </Stat>
      </dl>
    </header>
  );
}
