import Link from "next/link";
import { Money } from "@/components/ui/money";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ArtifactSessionGroup } from "@/lib/sessions/schemas";
import { CompactNumber, Count } from "@/components/data-table/number-cells";

const th = "whitespace-nowrap border-b border-slate-200 px-3 py-2 font-medium dark:border-slate-800";
const td = "whitespace-nowrap px-3 py-2";

/** The session's generation groups in creation order; small enough to need no paging. */
export function SessionGroupsTable({ groups, now }: { groups: ArtifactSessionGroup[]; now: string }) {
  if (groups.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No generation groups in this session yet: the TA has not run a simulation.</p>;
  }
  const clock = new Date(now);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">Generation groups of this session</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <tr>
            <th scope="col" className={th}>
              Group
            </th>
            <th scope="col" className={th}>
              First run
            </th>
            <th scope="col" className={th}>
              Last run
            </th>
            <th scope="col" className={`${th} text-right`}>
              Runs
            </th>
            <th scope="col" className={`${th} text-right`}>
              Tokens
            </th>
            <th scope="col" className={`${th} text-right`}>
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.group_id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
              <td className={td}>
                <Link
                  href={`/groups/${group.group_id}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
                >
                  {group.group_name}
                </Link>
              </td>
              <td className={td}>{group.first_run_at ? <TimeAgo iso={group.first_run_at} now={clock} /> : "No runs"}</td>
              <td className={td}>{group.last_run_at ? <TimeAgo iso={group.last_run_at} now={clock} /> : "No runs"}</td>
              <td className={`${td} text-right`}>
                <Count value={group.run_count} />
              </td>
              <td className={`${td} text-right`}>
                <CompactNumber value={group.total_tokens} />
              </td>
              <td className={`${td} text-right`}>
                <Money amount={group.total_cost} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
