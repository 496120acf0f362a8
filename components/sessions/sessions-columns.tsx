import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { Money } from "@/components/ui/money";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatDuration } from "@/lib/format/numbers";
import { problemCountText } from "@/lib/sessions/prepare";
import type { SessionListItem } from "@/lib/sessions/schemas";
import { CompactNumber, Count } from "@/components/data-table/number-cells";
import { SessionStatusBadge } from "./session-status-badge";

type Column = ColumnDef<SessionListItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

const linkClass =
  "font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

const count = (id: keyof SessionListItem & string, label: string): Column => ({
  id,
  header: label,
  meta: { sortKey: id, align: "right", label },
  cell: ({ row }) => <Count value={row.original[id] as number} />,
});

/** The session history's columns: every SessionListItem field, sortable where the API sorts. */
export function sessionColumns(now: Date): Column[] {
  return [
    {
      id: "profile_name",
      header: "TA",
      meta: { sortKey: "profile_name", label: "TA" },
      cell: ({ row }) => (
        <Link href={`/sessions/${row.original.session_id}`} className={linkClass} data-session-id={row.original.session_id}>
          {row.original.profile_name}
        </Link>
      ),
    },
    {
      id: "title",
      header: "Title",
      meta: { sortKey: "title", label: "Title" },
      cell: ({ row }) => (
        <span className="block max-w-[16rem] truncate" title={row.original.title ?? undefined}>
          {row.original.title ?? "Untitled"}
        </span>
      ),
    },
    {
      id: "department_name",
      header: "Department",
      meta: { label: "Department" },
      cell: ({ row }) => row.original.department_name ?? "No department",
    },
    {
      id: "session_created_at",
      header: "Started",
      meta: { sortKey: "session_created_at", label: "Started" },
      cell: ({ row }) => <TimeAgo iso={row.original.session_created_at} now={now} />,
    },
    {
      id: "session_updated_at",
      header: "Updated",
      meta: { sortKey: "session_updated_at", label: "Updated" },
      cell: ({ row }) => <TimeAgo iso={row.original.session_updated_at} now={now} />,
    },
    {
      id: "status",
      header: "Status",
      meta: { sortKey: "status", label: "Status" },
      cell: ({ row }) => <SessionStatusBadge status={row.original.status} endedAt={row.original.ended_at} />,
    },
    count("group_count", "Groups"),
    count("run_count", "Runs"),
    count("chat_count", "Chats"),
    count("attempt_count", "Attempts"),
    count("message_count", "Messages"),
    {
      id: "failed_run_count",
      header: "Failed runs",
      meta: { align: "right", label: "Failed runs" },
      cell: ({ row }) => (
        <span className={row.original.failed_run_count > 0 ? "font-medium text-red-800 dark:text-red-300" : undefined}>
          <Count value={row.original.failed_run_count} />
        </span>
      ),
    },
    {
      id: "avg_response_ms",
      header: "Mean response",
      meta: { sortKey: "avg_response_ms", align: "right", label: "Mean response" },
      cell: ({ row }) => (row.original.avg_response_ms === null ? "—" : formatDuration(row.original.avg_response_ms)),
    },
    {
      id: "total_tokens",
      header: "Tokens",
      meta: { sortKey: "total_tokens", align: "right", label: "Tokens" },
      cell: ({ row }) => <CompactNumber value={row.original.total_tokens} />,
    },
    {
      id: "total_cost",
      header: "Cost",
      meta: { sortKey: "total_cost", align: "right", label: "Cost" },
      cell: ({ row }) => <Money amount={row.original.total_cost} />,
    },
    {
      id: "problem_count",
      header: "Problems (open / all)",
      meta: { sortKey: "problem_count", align: "right", label: "Problems" },
      cell: ({ row }) => {
        const text = problemCountText(row.original.open_problem_count, row.original.problem_count);
        return (
          <span title={text.long} className={row.original.open_problem_count > 0 ? "font-medium text-red-800 dark:text-red-300" : undefined}>
            <span aria-hidden>{text.short}</span>
            <span className="sr-only">{text.long}</span>
          </span>
        );
      },
    },
  ];
}

/** The column chooser's list: every column but the TA, which links to the session. */
export const sessionColumnChoices = sessionColumns(new Date(0))
  .filter((column) => column.id !== "profile_name")
  .map((column) => ({ id: column.id, label: column.meta.label }));
