// Keyset cursors of the list endpoints (client-safe). A cursor names a row's position in one order:
// the sort key and direction, the row's sort value and its id, and whether the page wanted lies
// after it ("next") or before it ("prev"). Clients treat it as opaque and send back what a list
// answered in next_cursor / prev_cursor; it is base64url JSON so that it survives URLs unescaped.
import { z } from "zod";

export const cursorDirection = z.enum(["next", "prev"]);

const cursorPayload = z.strictObject({
  s: z.string().min(1).max(64),
  o: z.enum(["asc", "desc"]),
  v: z.string().max(1000).nullable(),
  i: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  d: cursorDirection,
});

export interface Cursor {
  sort_by: string;
  sort_order: "asc" | "desc";
  /** The row's sort value as text (null when the row has none, e.g. a group without runs). */
  value: string | null;
  id: string;
  direction: z.infer<typeof cursorDirection>;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify({ s: cursor.sort_by, o: cursor.sort_order, v: cursor.value, i: cursor.id, d: cursor.direction }));
}

/** The cursor, or null when the text is not one this API wrote. */
export function decodeCursor(encoded: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,1400}$/.test(encoded)) return null;
  try {
    const parsed = cursorPayload.safeParse(JSON.parse(fromBase64Url(encoded)));
    if (!parsed.success) return null;
    const { s, o, v, i, d } = parsed.data;
    return { sort_by: s, sort_order: o, value: v, id: i, direction: d };
  } catch {
    return null;
  }
}

export const cursorField = z.string({ error: "cursor must be a string" }).max(1400, { error: "cursor is too long to be one this API wrote" }).meta({
  description:
    "Keyset position from a previous answer's next_cursor or prev_cursor, for the same sort_by and sort_order. When given, the page is the page_size rows after (or before) that row, page is only echoed back, and deep pages cost no more than the first.",
});

/**
 * Adds an issue on `cursor` unless it decodes and belongs to the body's sort; for `.superRefine`
 * on list requests, so a foreign or stale cursor is a 400 naming the field.
 */
export function checkCursor(body: { cursor?: string; sort_by: string; sort_order: "asc" | "desc" }, ctx: z.RefinementCtx): void {
  if (body.cursor === undefined) return;
  const cursor = decodeCursor(body.cursor);
  if (!cursor) {
    ctx.addIssue({
      code: "custom",
      path: ["cursor"],
      message: "cursor is not valid: send back a next_cursor or prev_cursor exactly as a list answered it",
    });
  } else if (cursor.sort_by !== body.sort_by || cursor.sort_order !== body.sort_order) {
    ctx.addIssue({
      code: "custom",
      path: ["cursor"],
      message: `cursor belongs to sort_by=${cursor.sort_by} sort_order=${cursor.sort_order}; send the same sort with it`,
    });
  }
}
