"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { DataTableView } from "@/components/data-table/data-table";
import { useViewAsDialog } from "@/components/emulation/view-as-button";
import { sortActivityRows, type ActivityRow } from "@/lib/activity/prepare";
import { activitySortKey, parseActivitySearchParams } from "@/lib/activity/search-params";
import { activityColumns, viewAsColumn, type ActivityTableMeta } from "./activity-columns";

/**
 * The per-profile table. profile_summary is one list, so it is sorted here in the browser; the sort
 * still lives in the URL (pushed with history.pushState, which Next's router follows), so it can be
 * shared and back/forward restore it, without asking the server again.
 */
export function ActivityTable({ rows, empty, canViewAs = false }: { rows: ActivityRow[]; empty: ReactNode; canViewAs?: boolean }) {
  const searchParams = useSearchParams();
  const { sort_by, sort_order } = parseActivitySearchParams({
    sort_by: searchParams.get("sort_by") ?? undefined,
    sort_order: searchParams.get("sort_order") ?? undefined,
  });
  const sorted = useMemo(() => sortActivityRows(rows, sort_by, sort_order), [rows, sort_by, sort_order]);
  const columns = useMemo(() => (canViewAs ? [...activityColumns, viewAsColumn] : activityColumns), [canViewAs]);
  const viewAs = useViewAsDialog();
  const meta: ActivityTableMeta = { viewAs: viewAs.open };

  const sortBy = (key: string, direction: "asc" | "desc") => {
    const next = new URLSearchParams(searchParams.toString());
    next.set("sort_by", activitySortKey.parse(key));
    next.set("sort_order", direction);
    window.history.pushState(null, "", `?${next}`);
  };

  return (
    <DataTableView
      columns={columns}
      rows={sorted}
      rowKey={(row) => row.profile_id}
      rowIdAttribute="data-profile-id"
      sortBy={sort_by}
      sortOrder={sort_order}
      onSort={sortBy}
      meta={meta}
      empty={empty}
      caption={`Activity per profile, sorted by ${sort_by.replaceAll("_", " ")} (${sort_order === "asc" ? "ascending" : "descending"})`}
    >
      {canViewAs ? viewAs.dialog : null}
    </DataTableView>
  );
}
