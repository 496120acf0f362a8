import "server-only";
// Export rows of profiles and what happened to them: logins, emulations, grants.
import type { Prisma } from "@/lib/generated/prisma/client";
import { iso, nameOf, type EntityDefinition } from "./entity";
import { pageAfter } from "./keyset";

export const profilesEntity: EntityDefinition<Prisma.ProfileWhereInput> = {
  columns: ["id", "name", "email", "department_id", "department_name", "ta_role", "access_level", "disabled_at", "created_at", "updated_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.profile.findMany({ ...pageAfter(where, afterId, take), include: { department: { select: { name: true } } } })).map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      department_id: p.department_id,
      department_name: p.department?.name ?? null,
      ta_role: p.ta_role,
      access_level: p.access_level,
      disabled_at: iso(p.disabled_at),
      created_at: iso(p.created_at),
      updated_at: iso(p.updated_at),
    })),
};

export const loginsEntity: EntityDefinition<Prisma.LoginWhereInput> = {
  columns: ["id", "profile_id", "profile_name", "email", "succeeded", "ip", "user_agent", "created_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.login.findMany({ ...pageAfter(where, afterId, take), include: { profile: nameOf } })).map((l) => ({
      id: l.id,
      profile_id: l.profile_id,
      profile_name: l.profile?.name ?? null,
      email: l.email,
      succeeded: l.succeeded,
      ip: l.ip,
      user_agent: l.user_agent,
      created_at: iso(l.created_at),
    })),
};

export const emulationsEntity: EntityDefinition<Prisma.EmulationWhereInput> = {
  columns: ["id", "admin_id", "admin_name", "target_profile_id", "target_profile_name", "reason", "started_at", "ended_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.emulation.findMany({ ...pageAfter(where, afterId, take), include: { admin: nameOf, target: nameOf } })).map((e) => ({
      id: e.id,
      admin_id: e.admin_id,
      admin_name: e.admin.name,
      target_profile_id: e.target_profile_id,
      target_profile_name: e.target.name,
      reason: e.reason,
      started_at: iso(e.started_at),
      ended_at: iso(e.ended_at),
    })),
};

export const grantsEntity: EntityDefinition<Prisma.GrantWhereInput> = {
  columns: ["id", "profile_id", "profile_name", "permission", "granted_by_id", "granted_by_name", "created_at", "revoked_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.grant.findMany({ ...pageAfter(where, afterId, take), include: { profile: nameOf, granted_by: nameOf } })).map((g) => ({
      id: g.id,
      profile_id: g.profile_id,
      profile_name: g.profile.name,
      permission: g.permission,
      granted_by_id: g.granted_by_id,
      granted_by_name: g.granted_by?.name ?? null,
      created_at: iso(g.created_at),
      revoked_at: iso(g.revoked_at),
    })),
};
