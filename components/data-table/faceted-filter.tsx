"use client";

import { useEffect, useRef, useState } from "react";
import type { FilterOption } from "@/lib/facets/prepare";
import { buttonClass } from "@/components/ui/filter-styles";
import { sameItems, useSyncedState } from "./use-synced-state";

/**
 * A multi-select as a disclosure of checkboxes (shadcn-admin's faceted filter, without a popover
 * library): each change updates the URL at once. Escape or a click outside closes it.
 */
export function FacetedFilter({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const [values, setValues] = useSyncedState(selected, sameItems);
  const details = useRef<HTMLDetailsElement>(null);
  // The menu is only rendered while open, so a closed one never widens the page.
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, []);

  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...values, value] : values.filter((item) => item !== value);
    setValues(next);
    onChange(next);
  };

  return (
    <details
      ref={details}
      className="relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && details.current?.open) {
          details.current.open = false;
          details.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className={`${buttonClass} cursor-pointer list-none`}>
        {label}
        {values.length ? (
          <span className="rounded-full bg-indigo-100 px-1.5 text-xs text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200">
            {values.length}
            <span className="sr-only"> selected</span>
          </span>
        ) : null}
        <span aria-hidden className="text-slate-500 dark:text-slate-400">
          ▾
        </span>
      </summary>
      {open ? (
        <fieldset className="absolute left-0 z-20 mt-1 max-h-72 w-64 max-w-[calc(100vw-2rem)] space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <legend className="sr-only">{label}</legend>
          {options.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to choose from.</p> : null}
          {options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="focus-visible:ring-2 focus-visible:ring-indigo-600"
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              {option.label}
            </label>
          ))}
          {values.length ? (
            <button
              type="button"
              className="mt-2 text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
              onClick={() => {
                setValues([]);
                onChange([]);
              }}
            >
              Clear {label.toLowerCase()}
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </details>
  );
}
