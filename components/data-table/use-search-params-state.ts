"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export type ParamUpdate = Record<string, string | number | boolean | string[] | null | undefined>;

/**
 * The URL is the state of every table page: filters, sort, page (with its keyset cursor) and visible
 * columns. Updating anything but the page itself goes back to page 1, so a new filter never lands on
 * an empty page.
 */
export function useSearchParamsState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (changes: ParamUpdate, { resetPage = true }: { resetPage?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        next.delete(key);
        if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
        if (Array.isArray(value)) value.forEach((item) => next.append(key, item));
        else next.set(key, String(value));
      }
      if (resetPage && !("page" in changes)) next.delete("page");
      // A cursor is a position in one order under one set of filters: any change but a step to the
      // next or previous page (which brings its own cursor) leaves it behind.
      if (!("cursor" in changes)) next.delete("cursor");
      const query = next.toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  return { pathname, searchParams, update, pending };
}
