import "server-only";
// One page of a summary table in a given order, as an index walk: the sort column and the id form
// the index key, so the database reads only the rows it returns (plus the skipped ones for an
// OFFSET). Keyset positions become a row comparison the index can seek to. A nullable sort column
// is read in two parts (rows with a value, then rows without), because one index serves both
// directions only when NULLs need not change sides.
import { Prisma } from "@/lib/generated/prisma/client";

export type SortCast = "int" | "bigint" | "numeric" | "timestamptz" | "text" | "session_status";

export interface SortColumn {
  column: string;
  cast: SortCast;
  nullable?: boolean;
}

export interface PageOrder {
  descending: boolean;
  /** Only matters for nullable columns; lists show rows without a value last, both ways. */
  nullsFirst: boolean;
}

export interface OrderedPageQuery {
  /** The summary table, aliased `x` in `where`. */
  table: "session_stats" | "group_stats";
  idColumn: "session_id" | "group_id";
  sort: SortColumn;
  order: PageOrder;
  where: Prisma.Sql;
  /** Start strictly after this row of the order. */
  after?: { value: string | null; id: string };
  offset: number;
  limit: number;
}

export const reversed = (order: PageOrder): PageOrder => ({ descending: !order.descending, nullsFirst: !order.nullsFirst });

const castSql = (cast: SortCast) => Prisma.raw(cast === "session_status" ? '"SessionStatus"' : cast);

/**
 * `SELECT id, sort_value` of the page, in order; sort_value keeps the column's type (callers turn it
 * into text for cursors on the page's rows only: an OFFSET computes the select list of every row it
 * skips).
 */
export function orderedPage(q: OrderedPageQuery): Prisma.Sql {
  const x = (column: string) => Prisma.raw(`x."${column}"`);
  const col = x(q.sort.column);
  const id = x(q.idColumn);
  const dir = Prisma.raw(q.order.descending ? "DESC" : "ASC");
  const cmp = Prisma.raw(q.order.descending ? "<" : ">");
  const take = q.offset + q.limit;
  const select = Prisma.sql`SELECT ${id} AS id, ${col} AS sort_value FROM ${Prisma.raw(q.table)} x`;
  const afterValue = (value: string) => Prisma.sql`(${col}, ${id}) ${cmp} (${value}::${castSql(q.sort.cast)}, ${q.after!.id}::uuid)`;

  if (!q.sort.nullable) {
    const keyset = q.after ? Prisma.sql`AND ${afterValue(q.after.value ?? "")}` : Prisma.empty;
    return Prisma.sql`${select} WHERE ${q.where} ${keyset}
      ORDER BY ${col} ${dir}, ${id} ${dir} LIMIT ${q.limit} OFFSET ${q.offset}`;
  }

  const afterNull = q.after !== undefined && q.after.value === null;
  let valued: Prisma.Sql = Prisma.sql`TRUE`;
  let empty: Prisma.Sql = Prisma.sql`TRUE`;
  if (q.after) {
    valued = afterNull ? Prisma.sql`${q.order.nullsFirst ? Prisma.sql`TRUE` : Prisma.sql`FALSE`}` : afterValue(q.after.value!);
    empty = afterNull ? Prisma.sql`${id} ${cmp} ${q.after.id}::uuid` : q.order.nullsFirst ? Prisma.sql`FALSE` : Prisma.sql`TRUE`;
  }
  const valuedPart = Prisma.sql`(${select} WHERE ${q.where} AND ${col} IS NOT NULL AND ${valued} ORDER BY ${col} ${dir}, ${id} ${dir} LIMIT ${take})`;
  const emptyPart = Prisma.sql`(${select} WHERE ${q.where} AND ${col} IS NULL AND ${empty} ORDER BY ${id} ${dir} LIMIT ${take})`;
  const [first, second] = q.order.nullsFirst ? [emptyPart, valuedPart] : [valuedPart, emptyPart];
  const nulls = Prisma.raw(q.order.nullsFirst ? "NULLS FIRST" : "NULLS LAST");
  return Prisma.sql`SELECT * FROM (${first} UNION ALL ${second}) parts
    ORDER BY parts.sort_value IS NULL ${Prisma.raw(q.order.nullsFirst ? "DESC" : "ASC")},
      parts.sort_value ${dir} ${nulls}, parts.id ${dir}
    LIMIT ${q.limit} OFFSET ${q.offset}`;
}
