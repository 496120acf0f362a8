import Link from "next/link";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Money } from "@/components/ui/money";
import { EmptyState } from "@/components/ui/states";
import { formatUtc } from "@/lib/format/dates";
import { formatInteger } from "@/lib/format/numbers";
import type { ListSessionsResponse } from "@/lib/sessions/schemas";
import { agentLinkClass } from "./agent-labels";

/**
 * The newest sessions an agent ran in, started in the page's window and departments; the whole
 * list, with every filter and sort, is on /sessions (`allHref`).
 */
export function AgentSessions({ sessions, agentId, allHref }: { sessions: ListSessionsResponse; agentId: string; allHref: string }) {
  if (sessions.items.length === 0) return <EmptyState title="This agent has not run in any session you can see that matches these filters." />;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-sm">
          <caption className="sr-only">The newest sessions this agent ran in</caption>
          <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Session
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                TA
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Started
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Versions
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Runs
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Cost
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {sessions.items.map((session) => {
              const used = session.agents.find((agent) => agent.agent_id === agentId);
              return (
                <tr key={session.session_id}>
                  <td className="max-w-[16rem] truncate px-3 py-2">
                    <Link href={`/sessions/${session.session_id}`} className={agentLinkClass} data-session-id={session.session_id}>
                      {session.title ?? "Untitled session"}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{session.profile_name}</td>
                  <td className="px-3 py-2">
                    <SessionStatusBadge status={session.status} endedAt={session.ended_at} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatUtc(session.session_created_at)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{used ? used.versions.map((v) => `v${v}`).join(", ") : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(used?.run_count ?? 0)}</td>
                  <td className="px-3 py-2 text-right">
                    <Money amount={session.total_cost} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-sm">
        <Link href={allHref} className={agentLinkClass}>
          All {formatInteger(sessions.total_count)}
          {sessions.total_count_is_estimate ? " (about)" : ""} sessions with this agent
        </Link>
        , with every filter and sort of the session history.
      </p>
    </div>
  );
}
