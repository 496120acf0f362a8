import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { CompactNumber } from "@/components/data-table/number-cells";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { TimeAgo } from "@/components/ui/time-ago";
import type { AgentListItem } from "@/lib/agents/schemas";
import { formatDuration, formatInteger } from "@/lib/format/numbers";
import { agentKindLabels, agentLinkClass, formatErrorRate } from "./agent-labels";

type Column = ColumnDef<AgentListItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

/** One row per agent, every column sortable by /system/agents. */
export function agentColumns(now: Date): Column[] {
  return [
    {
      id: "name",
      header: "Agent",
      meta: { sortKey: "name", label: "Agent" },
      cell: ({ row }) => (
        <Link
          href={`/agents/${row.original.agent_id}`}
          className={`${agentLinkClass} block max-w-[18rem] truncate`}
          title={row.original.description ?? undefined}
          data-agent-id={row.original.agent_id}
        >
          {row.original.name}
        </Link>
      ),
    },
    {
      id: "kind",
      header: "Kind",
      meta: { sortKey: "kind", label: "Kind" },
      cell: ({ row }) => <Badge>{agentKindLabels[row.original.kind]}</Badge>,
    },
    {
      id: "current_version",
      header: "Version",
      meta: { align: "right", label: "Version" },
      cell: ({ row }) => `v${row.original.current_version}`,
    },
    {
      id: "session_count",
      header: "Sessions",
      meta: { sortKey: "session_count", align: "right", label: "Sessions" },
      cell: ({ row }) => formatInteger(row.original.session_count),
    },
    {
      id: "run_count",
      header: "Runs",
      meta: { sortKey: "run_count", align: "right", label: "Runs" },
      cell: ({ row }) => formatInteger(row.original.run_count),
    },
    {
      id: "total_tokens",
      header: "Tokens",
      meta: { sortKey: "total_tokens", align: "right", label: "Tokens" },
      cell: ({ row }) => (
        <span title={`${formatInteger(row.original.input_tokens)} in, ${formatInteger(row.original.output_tokens)} out`}>
          <CompactNumber value={row.original.total_tokens} />
        </span>
      ),
    },
    {
      id: "total_cost",
      header: "Cost",
      meta: { sortKey: "total_cost", align: "right", label: "Cost" },
      cell: ({ row }) => <Money amount={row.original.total_cost} />,
    },
    {
      id: "avg_response_ms",
      header: "Mean response",
      meta: { sortKey: "avg_response_ms", align: "right", label: "Mean response" },
      cell: ({ row }) => (row.original.avg_response_ms === null ? "—" : formatDuration(row.original.avg_response_ms)),
    },
    {
      id: "error_rate",
      header: "Errors",
      meta: { sortKey: "error_rate", align: "right", label: "Errors" },
      cell: ({ row }) => (
        <span title={`${formatInteger(row.original.failed_run_count)} of ${formatInteger(row.original.run_count)} runs failed`}>
          {formatErrorRate(row.original.error_rate)}
        </span>
      ),
    },
    {
      id: "last_used_at",
      header: "Last used",
      meta: { sortKey: "last_used_at", label: "Last used" },
      cell: ({ row }) => (row.original.last_used_at ? <TimeAgo iso={row.original.last_used_at} now={now} /> : "Never"),
    },
  ];
}
