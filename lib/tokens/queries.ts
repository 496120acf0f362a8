import "server-only";
import { pageInfo } from "@/lib/api/common-schemas";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tokenScope, type ListTokensRequest, type ListTokensResponse, type TokenItem, type TokenScope, type TokenStatus } from "./schemas";

export const tokenSelect = {
  id: true,
  name: true,
  token_prefix: true,
  profile_id: true,
  created_at: true,
  expires_at: true,
  last_used_at: true,
  revoked_at: true,
  scopes: true,
  profile: { select: { name: true } },
} satisfies Prisma.ApiTokenSelect;

type TokenRecord = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export function tokenStatusAt(row: Pick<TokenRecord, "expires_at" | "revoked_at">, now: Date): TokenStatus {
  if (row.revoked_at) return "revoked";
  if (row.expires_at && row.expires_at <= now) return "expired";
  return "active";
}

export function toTokenItem(row: TokenRecord, now = new Date()): TokenItem {
  return {
    token_id: row.id,
    name: row.name,
    token_prefix: row.token_prefix,
    profile_id: row.profile_id,
    profile_name: row.profile.name,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at?.toISOString() ?? null,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    status: tokenStatusAt(row, now),
    scopes: row.scopes.filter((scope): scope is TokenScope => tokenScope.safeParse(scope).success),
  };
}

/** The same rule as tokenStatusAt, as a filter (lib/api/authenticate.ts applies it too). */
function statusWhere(status: TokenStatus, now: Date): Prisma.ApiTokenWhereInput {
  switch (status) {
    case "revoked":
      return { revoked_at: { not: null } };
    case "expired":
      return { revoked_at: null, expires_at: { lte: now } };
    case "active":
      return { revoked_at: null, OR: [{ expires_at: null }, { expires_at: { gt: now } }] };
  }
}

export async function listTokens(body: ListTokensRequest): Promise<ListTokensResponse> {
  const now = new Date();
  const clauses: Prisma.ApiTokenWhereInput[] = [];
  if (body.profile_id) clauses.push({ profile_id: body.profile_id });
  if (body.status) clauses.push(statusWhere(body.status, now));
  const where: Prisma.ApiTokenWhereInput = { AND: clauses };
  const [total, rows] = await Promise.all([
    prisma.apiToken.count({ where }),
    prisma.apiToken.findMany({
      where,
      select: tokenSelect,
      orderBy: [{ created_at: "desc" }, { id: "desc" }],
      skip: (body.page - 1) * body.page_size,
      take: body.page_size,
    }),
  ]);
  return { items: rows.map((row) => toTokenItem(row, now)), ...pageInfo(body.page, body.page_size, total) };
}

/** Profiles a token can be made for (enabled ones), for the owner selects of the tokens page. */
export async function tokenOwnerOptions(): Promise<{ value: string; label: string }[]> {
  const rows = await prisma.profile.findMany({
    where: { disabled_at: null },
    select: { id: true, name: true, access_level: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ value: row.id, label: `${row.name} (${row.access_level})` }));
}
