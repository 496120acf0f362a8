"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { AgentsPageParams } from "@/lib/agents/search-params";
import type { AgentListItem } from "@/lib/agents/schemas";
import { agentColumns } from "./agents-columns";

export function AgentsTable({
  rows,
  pageState,
  params,
  now,
}: {
  rows: AgentListItem[];
  pageState: PageState;
  params: Pick<AgentsPageParams, "sort_by" | "sort_order">;
  /** The server's clock, so relative times hydrate to the same text. */
  now: string;
}) {
  const columns = useMemo(() => agentColumns(new Date(now)), [now]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.agent_id}
      sortBy={params.sort_by}
      sortOrder={params.sort_order}
      pageState={pageState}
      caption="Agents with their sessions, runs, tokens, cost, response time and error rate"
      empty={
        <EmptyState title="No agents of this kind.">
          <Link href="/agents" className="text-indigo-700 underline dark:text-indigo-300">
            Show every agent
          </Link>
          .
        </EmptyState>
      }
    />
  );
}
