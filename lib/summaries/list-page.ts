import "server-only";
// Which rows a list page holds, and the cursors around it, for the lists over a summary table
// (sessions, groups). Three ways in:
//  - a cursor: the rows just after (next) or before (prev) a row, an index seek whatever the depth;
//  - a page number in the first half: OFFSET from the front;
//  - a page number in the second half: OFFSET from the back in the reverse order, so the last page
//    costs what the first does. This needs the exact total, which the rollups give.
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { reversed, type PageOrder } from "./ordered-page";

export interface KeysetRow {
  id: string;
  sort_value: string | null;
}

export interface PageFetch {
  order: PageOrder;
  after?: { value: string | null; id: string };
  offset: number;
  limit: number;
}

export interface ListPageRequest {
  sort_by: string;
  sort_order: "asc" | "desc";
  page: number;
  page_size: number;
  cursor?: string;
}

export interface ListPage<R> {
  rows: R[];
  next_cursor: string | null;
  prev_cursor: string | null;
}

export async function fetchListPage<R extends KeysetRow>(
  request: ListPageRequest,
  total: number | null,
  fetch: (args: PageFetch) => Promise<R[]>,
): Promise<ListPage<R>> {
  const order: PageOrder = { descending: request.sort_order === "desc", nullsFirst: false };
  const size = request.page_size;
  const at = (row: R | undefined, direction: "next" | "prev") =>
    row ? encodeCursor({ sort_by: request.sort_by, sort_order: request.sort_order, value: row.sort_value, id: row.id, direction }) : null;

  const cursor = request.cursor === undefined ? null : decodeCursor(request.cursor);
  if (cursor?.direction === "next") {
    const found = await fetch({ order, after: cursor, offset: 0, limit: size + 1 });
    const rows = found.slice(0, size);
    return { rows, next_cursor: found.length > size ? at(rows[rows.length - 1], "next") : null, prev_cursor: at(rows[0], "prev") };
  }
  if (cursor?.direction === "prev") {
    const found = await fetch({ order: reversed(order), after: cursor, offset: 0, limit: size + 1 });
    const rows = found.slice(0, size).reverse();
    return { rows, next_cursor: at(rows[rows.length - 1], "next"), prev_cursor: found.length > size ? at(rows[0], "prev") : null };
  }

  const offset = (request.page - 1) * size;
  let rows: R[];
  let more: boolean;
  if (total !== null && offset > total / 2 && offset < total) {
    const limit = Math.min(size, total - offset);
    rows = (await fetch({ order: reversed(order), offset: total - offset - limit, limit })).reverse();
    more = offset + rows.length < total;
  } else {
    const found = await fetch({ order, offset, limit: size + 1 });
    rows = found.slice(0, size);
    more = found.length > size;
  }
  return {
    rows,
    next_cursor: more ? at(rows[rows.length - 1], "next") : null,
    prev_cursor: request.page > 1 ? at(rows[0], "prev") : null,
  };
}
