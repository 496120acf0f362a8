import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { targetHref } from "@/lib/audit/search-params";
import type { AuditItem } from "@/lib/audit/schemas";
import { formatUtc } from "@/lib/format/dates";

type Column = ColumnDef<AuditItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

const linkClass =
  "text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";
const muted = <span className="text-slate-500 dark:text-slate-400">—</span>;

/** Long ids shortened for the eye; the whole value stays in the title and for copying. */
function ShortId({ value }: { value: string }) {
  return (
    <code className="text-xs" title={value}>
      {value.length > 13 ? `${value.slice(0, 8)}…` : value}
    </code>
  );
}

function Target({ item }: { item: AuditItem }) {
  const href = targetHref(item.target_type, item.target_id);
  const id = item.target_id ? <ShortId value={item.target_id} /> : null;
  return (
    <span className="flex items-center gap-1.5">
      <span>{item.target_type}</span>
      {href ? (
        <Link href={href} className={linkClass} aria-label={`Open ${item.target_type} ${item.target_id}`}>
          {id}
        </Link>
      ) : (
        id
      )}
      {item.offered_upload_ids.length > 0 && (
        <span
          className="text-xs text-slate-500 dark:text-slate-400"
          title={`Downloads of these uploads are recorded on this row:\n${item.offered_upload_ids.join("\n")}`}
        >
          + {item.offered_upload_ids.length} media
        </span>
      )}
    </span>
  );
}

// Refused reads and requests stand out: they disclosed nothing, and they are what a security review looks for.
function Outcome({ outcome }: { outcome: AuditItem["outcome"] }) {
  if (outcome === null) return muted;
  if (outcome === "allowed") return <span className="text-xs text-slate-600 dark:text-slate-300">disclosed</span>;
  return <Badge tone={outcome === "denied" ? "red" : "amber"}>{outcome === "denied" ? "denied" : "not found"}</Badge>;
}

function Details({ details }: { details: unknown }) {
  if (details === null || details === undefined) return muted;
  const json = JSON.stringify(details);
  return (
    <code className="block max-w-[18rem] truncate text-xs" title={json}>
      {json}
    </code>
  );
}

export const auditColumns: Column[] = [
  {
    id: "created_at",
    header: "Time (UTC)",
    meta: { label: "Time" },
    cell: ({ row }) => <time dateTime={row.original.created_at}>{formatUtc(row.original.created_at).replace(" UTC", "")}</time>,
  },
  { id: "actor", header: "Actor", meta: { label: "Actor" }, cell: ({ row }) => row.original.actor_name ?? muted },
  { id: "on_behalf_of", header: "On behalf of", meta: { label: "On behalf of" }, cell: ({ row }) => row.original.on_behalf_of_name ?? muted },
  { id: "action", header: "Action", meta: { label: "Action" }, cell: ({ row }) => <code className="text-xs">{row.original.action}</code> },
  { id: "target", header: "Target", meta: { label: "Target" }, cell: ({ row }) => <Target item={row.original} /> },
  { id: "outcome", header: "Outcome", meta: { label: "Outcome" }, cell: ({ row }) => <Outcome outcome={row.original.outcome} /> },
  { id: "details", header: "Details", meta: { label: "Details" }, cell: ({ row }) => <Details details={row.original.details} /> },
  { id: "ip", header: "IP", meta: { label: "IP" }, cell: ({ row }) => row.original.ip ?? muted },
  {
    id: "request_id",
    header: "Request",
    meta: { label: "Request" },
    cell: ({ row }) => (row.original.request_id ? <ShortId value={row.original.request_id} /> : muted),
  },
];
