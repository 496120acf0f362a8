// Text PostgreSQL cannot store (U+0000) or that is not Unicode at all (an unpaired UTF-16
// surrogate, which `\ud800` in JSON produces). Refused at the door with the field named, instead
// of failing deep in a query as a 500.
import type { ErrorIssue } from "./errors";

export function isSafeText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

const problem = "must not contain a NUL character (U+0000) or an unpaired UTF-16 surrogate";

/** The first string, or object key, in `value` that is not safe text, as an issue naming its field. */
export function findUnsafeText(value: unknown, path: string[] = []): ErrorIssue | null {
  if (typeof value === "string") return isSafeText(value) ? null : { field: path.join("."), message: problem };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key)) return { field: [...path, key].join("."), message: `field names ${problem}` };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
