"use client";

import type { ReactNode } from "react";

export type SortDirection = "asc" | "desc";

/** A sortable column header: a button announcing the current order to assistive technology. */
export function SortableHeader({
  label,
  active,
  direction,
  onSort,
  align = "left",
}: {
  label: ReactNode;
  active: boolean;
  direction: SortDirection;
  onSort: (direction: SortDirection) => void;
  align?: "left" | "right";
}) {
  const next: SortDirection = active && direction === "desc" ? "asc" : "desc";
  return (
    <button
      type="button"
      onClick={() => onSort(next)}
      className={`inline-flex items-center gap-1 rounded font-medium hover:text-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:hover:text-indigo-300 ${
        align === "right" ? "flex-row-reverse" : ""
      }`}
    >
      {label}
      <span aria-hidden className={active ? "text-indigo-700 dark:text-indigo-300" : "text-slate-400"}>
        {active ? (direction === "desc" ? "↓" : "↑") : "↕"}
      </span>
    </button>
  );
}
