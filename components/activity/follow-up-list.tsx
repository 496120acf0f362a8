import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import type { FollowUpRow } from "@/lib/activity/prepare";

const linkClass =
  "rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

/** TAs who need a nudge, each with the reasons in words; a name links to that TA's sessions. */
export function FollowUpList({ rows, idleDays }: { rows: FollowUpRow[]; idleDays: number }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 dark:border-slate-800">
        <EmptyState title="Nobody needs follow-up">
          Every TA here has had a session in the last {idleDays} days and no open problems. Choose a shorter span to look closer.
        </EmptyState>
      </div>
    );
  }
  // `relative`: anything absolutely positioned inside (sr-only text) stays in the scroll box on a phone.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">TAs who need follow-up, with the reasons</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <tr>
            {["TA", "Why", "Last session", "Department", "Role"].map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap border-b border-slate-200 px-3 py-2 font-medium dark:border-slate-800">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.profile_id} data-profile-id={row.profile_id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                <Link href={row.sessions_href} className={linkClass} title={`Sessions of ${row.profile_name}`}>
                  {row.profile_name}
                </Link>
              </th>
              <td className="px-3 py-2">
                <ul className="flex flex-wrap gap-1" aria-label={`Why ${row.profile_name} needs follow-up`}>
                  {row.reasons.map((reason) => (
                    <li key={reason.kind}>
                      <Badge tone={reason.kind === "open_problems" ? "red" : "amber"}>{reason.text}</Badge>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {row.last_session_at ? <time dateTime={row.last_session_at}>{row.last_session}</time> : row.last_session}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{row.department_name ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2">{row.ta_role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
