import type { ColumnDef } from "@tanstack/react-table";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatDay } from "@/lib/format/dates";
import type { TokenItem } from "@/lib/tokens/schemas";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenStatusBadge } from "./token-status-badge";

type Column = ColumnDef<TokenItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

export function tokenColumns(now: string): Column[] {
  const clock = new Date(now);
  return [
    { id: "name", header: "Name", meta: { label: "Name" }, cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
    { id: "owner", header: "Owner", meta: { label: "Owner" }, cell: ({ row }) => row.original.profile_name },
    {
      id: "prefix",
      header: "Prefix",
      meta: { label: "Prefix" },
      cell: ({ row }) => <code className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{row.original.token_prefix}…</code>,
    },
    { id: "created_at", header: "Created", meta: { label: "Created" }, cell: ({ row }) => <TimeAgo iso={row.original.created_at} now={clock} /> },
    {
      id: "expires_at",
      header: "Expires",
      meta: { label: "Expires" },
      cell: ({ row }) => (row.original.expires_at ? <time dateTime={row.original.expires_at}>{formatDay(row.original.expires_at)}</time> : "Never"),
    },
    {
      id: "last_used_at",
      header: "Last used",
      meta: { label: "Last used" },
      cell: ({ row }) => (row.original.last_used_at ? <TimeAgo iso={row.original.last_used_at} now={clock} /> : "Never"),
    },
    { id: "status", header: "Status", meta: { label: "Status" }, cell: ({ row }) => <TokenStatusBadge status={row.original.status} /> },
    { id: "scopes", header: "Scopes", meta: { label: "Scopes" }, cell: ({ row }) => row.original.scopes.join(", ") },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { label: "Actions" },
      cell: ({ row }) => (row.original.status === "revoked" ? null : <RevokeTokenButton token={row.original} />),
    },
  ];
}
