"use client";

import { useState } from "react";

/**
 * Local state for a filter control that follows the URL: the control shows the person's choice at
 * once (the navigation it starts may take a moment), and takes the URL's value again when the URL
 * changes from elsewhere (back/forward, a reset link). Adjusting state during render is React's
 * recommended way to reset state from a prop, and keeps focus where remounting would lose it.
 */
export function useSyncedState<T>(fromUrl: T, same: (a: T, b: T) => boolean = Object.is): [T, (value: T) => void] {
  const [seen, setSeen] = useState(fromUrl);
  const [value, setValue] = useState(fromUrl);
  if (!same(seen, fromUrl)) {
    setSeen(fromUrl);
    setValue(fromUrl);
  }
  return [value, setValue];
}

export const sameItems = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
