"use client";

import { formatInteger } from "@/lib/format/numbers";

const pageSizes = [10, 25, 50, 100, 200];

export function Pagination({
  page,
  pageSize,
  totalCount,
  totalPages,
  estimated = false,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  /** totalCount is an estimate: say "about". */
  estimated?: boolean;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const first = totalCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, totalCount);
  const button =
    "rounded-md border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-40 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 enabled:hover:bg-slate-100 dark:enabled:hover:bg-slate-800";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
      <p className="text-slate-600 dark:text-slate-300" aria-live="polite">
        {formatInteger(first)}–{formatInteger(last)} of {estimated ? "about " : ""}
        {formatInteger(totalCount)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          <span className="text-slate-600 dark:text-slate-300">Rows per page</span>
          <select
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(1)} aria-label="First page">
          «
        </button>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          ‹
        </button>
        <span className="px-1">
          Page {formatInteger(Math.min(page, Math.max(totalPages, 1)))} of {formatInteger(Math.max(totalPages, 1))}
        </span>
        <button type="button" className={button} disabled={page >= totalPages} onClick={() => onPage(page + 1)} aria-label="Next page">
          ›
        </button>
        <button type="button" className={button} disabled={page >= totalPages} onClick={() => onPage(totalPages)} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
