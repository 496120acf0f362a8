"use client";

import { useState } from "react";
import { useSearchParamsState } from "./use-search-params-state";

/** Show or hide columns; the hidden ones are kept in the URL (`hide=`) so the view can be shared. */
export function ColumnChooser({ columns, hidden: fromUrl }: { columns: { id: string; label: string }[]; hidden: string[] }) {
  const { update } = useSearchParamsState();
  // The boxes follow a click at once (the URL changes only when the navigation commits) and take
  // the URL's value again when it changes from elsewhere, e.g. back/forward.
  const [seen, setSeen] = useState(fromUrl.join());
  const [hidden, setHidden] = useState(fromUrl);
  if (seen !== fromUrl.join()) {
    setSeen(fromUrl.join());
    setHidden(fromUrl);
  }
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-10 mt-1 w-56 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={!hidden.includes(column.id)}
              onChange={(event) => {
                const next = event.target.checked ? hidden.filter((id) => id !== column.id) : [...hidden, column.id];
                setHidden(next);
                update({ hide: next }, { resetPage: false });
              }}
            />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
