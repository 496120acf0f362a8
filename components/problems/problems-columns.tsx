import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ProblemItem } from "@/lib/problems/schemas";
import { ProblemKind } from "./problem-kind";
import { ProblemResolution } from "./problem-resolution";
import { SeverityBadge } from "./severity-badge";

type Column = ColumnDef<ProblemItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

const linkClass =
  "text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

export function problemColumns({ canResolve, now }: { canResolve: boolean; now: string }): Column[] {
  const clock = new Date(now);
  return [
    {
      id: "kind",
      header: "Kind",
      meta: { sortKey: "kind", label: "Kind" },
      cell: ({ row }) => <ProblemKind kind={row.original.kind} />,
    },
    {
      id: "severity",
      header: "Severity",
      meta: { sortKey: "severity", label: "Severity" },
      cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
    },
    {
      id: "description",
      header: "Description",
      meta: { label: "Description" },
      cell: ({ row }) => <p className="min-w-[14rem] max-w-sm whitespace-normal">{row.original.description}</p>,
    },
    {
      id: "resolution",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) => <ProblemResolution problem={row.original} canResolve={canResolve} now={now} />,
    },
    {
      id: "profile_name",
      header: "TA",
      meta: { sortKey: "profile_name", label: "TA" },
      cell: ({ row }) => (
        <Link href={`/sessions?profile_id=${row.original.profile_id}`} className={linkClass}>
          {row.original.profile_name}
        </Link>
      ),
    },
    {
      id: "created_at",
      header: "Flagged",
      meta: { sortKey: "created_at", label: "Flagged" },
      cell: ({ row }) => <TimeAgo iso={row.original.created_at} now={clock} />,
    },
    {
      id: "session",
      header: "Session",
      meta: { label: "Session" },
      cell: ({ row }) => (
        <Link href={`/sessions/${row.original.session_id}`} className={linkClass} data-session-id={row.original.session_id}>
          Open session
        </Link>
      ),
    },
    {
      id: "updated_at",
      header: "Updated",
      meta: { sortKey: "updated_at", label: "Updated" },
      cell: ({ row }) => <TimeAgo iso={row.original.updated_at} now={clock} />,
    },
  ];
}
