// Departments, profiles and what happens to them (logins, emulations, grants). `build*` returns a
// complete row without touching the database (the demo seed inserts thousands at once with
// createMany); `create*` inserts one and returns it, for tests.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AccessLevel, TaRole } from "@/lib/generated/prisma/enums";
import { addMs, newId, uniqueToken } from "./ids.ts";

export type Db = PrismaClient | Prisma.TransactionClient;

export type DepartmentRow = Prisma.DepartmentCreateManyInput;
export type ProfileRow = Prisma.ProfileCreateManyInput & { id: string; email: string };
export type LoginRow = Prisma.LoginCreateManyInput & { id: string };
export type EmulationRow = Prisma.EmulationCreateManyInput & { id: string };
export type GrantRow = Prisma.GrantCreateManyInput & { id: string };

export function buildDepartment(overrides: Partial<DepartmentRow> = {}): DepartmentRow {
  const token = uniqueToken();
  return { id: `dept-test-${token}`, name: `Test Department ${token}`, ...overrides };
}

export async function createDepartment(db: Db, overrides: Partial<DepartmentRow> = {}) {
  return db.department.create({ data: buildDepartment(overrides) });
}

const defaultRoleFor: Record<AccessLevel, TaRole | null> = {
  ta: "graduate_ta",
  coordinator: null,
  admin: null,
};

export function buildProfile(overrides: Partial<ProfileRow> = {}): ProfileRow {
  const token = uniqueToken();
  const access_level = overrides.access_level ?? "ta";
  const created_at = overrides.created_at ?? new Date();
  return {
    id: newId(),
    name: `Test ${access_level} ${token}`,
    email: `${access_level}-${token}@test.glow.example`,
    access_level,
    ta_role: defaultRoleFor[access_level],
    created_at,
    updated_at: created_at,
    ...overrides,
  };
}

export interface CreateProfileOptions {
  /** Department ids a coordinator covers (profile_department_scopes rows). */
  scopes?: readonly string[];
}

export async function createProfile(db: Db, overrides: Partial<ProfileRow> = {}, options: CreateProfileOptions = {}) {
  const row = buildProfile(overrides);
  const profile = await db.profile.create({ data: row });
  if (options.scopes?.length) {
    await db.profileDepartmentScope.createMany({
      data: options.scopes.map((department_id) => ({ profile_id: profile.id, department_id })),
    });
  }
  return profile;
}

export function createTa(db: Db, overrides: Partial<ProfileRow> = {}) {
  return createProfile(db, { access_level: "ta", ta_role: "graduate_ta", ...overrides });
}

export function createCoordinator(db: Db, scopes: readonly string[], overrides: Partial<ProfileRow> = {}) {
  return createProfile(db, { access_level: "coordinator", ta_role: null, ...overrides }, { scopes });
}

export function createAdmin(db: Db, overrides: Partial<ProfileRow> = {}) {
  return createProfile(db, { access_level: "admin", ta_role: null, ...overrides });
}

export function buildLogin(profile: { id: string; email: string } | null, overrides: Partial<LoginRow> = {}): LoginRow {
  return {
    id: newId(),
    profile_id: profile?.id ?? null,
    email: profile?.email ?? `unknown-${uniqueToken()}@test.glow.example`,
    succeeded: true,
    ip: "10.20.30.40",
    user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    created_at: new Date(),
    ...overrides,
  };
}

export async function createLogin(db: Db, profile: { id: string; email: string } | null, overrides: Partial<LoginRow> = {}) {
  return db.login.create({ data: buildLogin(profile, overrides) });
}

export function buildEmulation(adminId: string, targetId: string, overrides: Partial<EmulationRow> = {}): EmulationRow {
  const started_at = overrides.started_at ? new Date(overrides.started_at) : new Date();
  return {
    id: newId(),
    admin_id: adminId,
    target_profile_id: targetId,
    reason: "Checking what the TA sees on their dashboard",
    started_at,
    ended_at: addMs(started_at, 8 * 60_000),
    ...overrides,
  };
}

export async function createEmulation(db: Db, adminId: string, targetId: string, overrides: Partial<EmulationRow> = {}) {
  return db.emulation.create({ data: buildEmulation(adminId, targetId, overrides) });
}

export function buildGrant(profileId: string, overrides: Partial<GrantRow> = {}): GrantRow {
  return {
    id: newId(),
    profile_id: profileId,
    granted_by_id: null,
    permission: "extra_attempts:3",
    created_at: new Date(),
    revoked_at: null,
    ...overrides,
  };
}

export async function createGrant(db: Db, profileId: string, overrides: Partial<GrantRow> = {}) {
  return db.grant.create({ data: buildGrant(profileId, overrides) });
}
