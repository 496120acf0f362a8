import "server-only";
import { pageInfo } from "@/lib/api/common-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { ListUsersRequest, ListUsersResponse, UserItem, UserStatus } from "./schemas";

type Reader = Pick<Prisma.TransactionClient, "profile" | "login">;

/** The columns a user row needs; shared by the list and the mutations' answers. */
export const userRowInclude = {
  department: { select: { name: true } },
  scoped_departments: { select: { department_id: true }, orderBy: { department_id: "asc" } },
} satisfies Prisma.ProfileInclude;
export type UserRow = Prisma.ProfileGetPayload<{ include: typeof userRowInclude }>;

// "invited" means a link is pending and no password was ever set; a password reset link on an
// account that already signs in leaves it active. Disabled wins over both.
function statusWhere(status: UserStatus): Prisma.ProfileWhereInput {
  switch (status) {
    case "disabled":
      return { disabled_at: { not: null } };
    case "invited":
      return { disabled_at: null, password_hash: null, invite_token_hash: { not: null } };
    case "active":
      return { disabled_at: null, OR: [{ password_hash: { not: null } }, { invite_token_hash: null }] };
  }
}

export function userStatusOf(row: Pick<UserRow, "disabled_at" | "password_hash" | "invite_token_hash">): UserStatus {
  if (row.disabled_at) return "disabled";
  return !row.password_hash && row.invite_token_hash ? "invited" : "active";
}

export function toUserItem(row: UserRow, lastLoginAt: Date | null): UserItem {
  return {
    profile_id: row.id,
    name: row.name,
    email: row.email,
    access_level: row.access_level,
    department_id: row.department_id,
    department_name: row.department?.name ?? null,
    scoped_department_ids: row.scoped_departments.map((scope) => scope.department_id),
    ta_role: row.ta_role,
    status: userStatusOf(row),
    disabled_at: row.disabled_at?.toISOString() ?? null,
    invite_expires_at: row.invite_expires_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    last_login_at: lastLoginAt?.toISOString() ?? null,
  };
}

/** The latest successful sign-in of each profile. */
export async function lastLogins(profileIds: string[], reader: Reader = prisma): Promise<Map<string, Date>> {
  if (profileIds.length === 0) return new Map();
  const rows = await reader.login.groupBy({
    by: ["profile_id"],
    where: { profile_id: { in: profileIds }, succeeded: true },
    _max: { created_at: true },
  });
  return new Map(rows.flatMap((row) => (row.profile_id && row._max.created_at ? [[row.profile_id, row._max.created_at] as const] : [])));
}

/** Every account, for admins (the endpoint is admin-only, so no scope applies). */
export async function listUsers(body: ListUsersRequest): Promise<ListUsersResponse> {
  const where: Prisma.ProfileWhereInput = {
    AND: [
      body.search
        ? { OR: [{ name: { contains: body.search, mode: "insensitive" } }, { email: { contains: body.search, mode: "insensitive" } }] }
        : {},
      body.access_level ? { access_level: body.access_level } : {},
      body.department_id ? { department_id: body.department_id } : {},
      body.status ? statusWhere(body.status) : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.profile.count({ where }),
    prisma.profile.findMany({
      where,
      include: userRowInclude,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (body.page - 1) * body.page_size,
      take: body.page_size,
    }),
  ]);
  const logins = await lastLogins(rows.map((row) => row.id));
  return { items: rows.map((row) => toUserItem(row, logins.get(row.id) ?? null)), ...pageInfo(body.page, body.page_size, total) };
}

/** Departments for the filters and forms. */
export async function listDepartments(): Promise<{ id: string; name: string }[]> {
  return prisma.department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
