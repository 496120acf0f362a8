"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { TokenItem } from "@/lib/tokens/schemas";
import { tokenColumns } from "./tokens-columns";

export function TokensTable({ rows, pageState, filtered, now }: { rows: TokenItem[]; pageState: PageState; filtered: boolean; now: string }) {
  const columns = useMemo(() => tokenColumns(now), [now]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.token_id}
      sortBy=""
      sortOrder="desc"
      pageState={pageState}
      caption="API tokens, newest first"
      empty={
        filtered ? (
          <EmptyState title="No tokens match these filters.">
            <Link href="/settings/tokens" className="text-indigo-700 underline dark:text-indigo-300">
              Reset the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No API tokens yet.">Create one for a script or the glow CLI.</EmptyState>
        )
      }
    />
  );
}
