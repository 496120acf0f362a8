import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import type { Actor } from "@/lib/auth/actor";
import { ApiError, type ErrorIssue } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateInvite, inviteUrl } from "./invite-token";
import { lastLogins, toUserItem, userRowInclude, type UserRow } from "./queries";
import type { CreateUserRequest, InviteUserRequest, UpdateUserRequest, UserInviteResponse, UserItem } from "./schemas";

type Tx = Prisma.TransactionClient;

/** 400 naming the field when a department id does not exist. */
async function checkDepartments(tx: Tx, fields: { field: string; ids: string[] }[]): Promise<void> {
  const wanted = [...new Set(fields.flatMap((f) => f.ids))];
  if (wanted.length === 0) return;
  const known = new Set((await tx.department.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((d) => d.id));
  const issues: ErrorIssue[] = fields.flatMap(({ field, ids }) =>
    ids.filter((id) => !known.has(id)).map((id) => ({ field, message: `No department has the id "${id}"` })),
  );
  if (issues.length) throw new ApiError("invalid_body", issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);
}

function duplicateEmail(email: string): ApiError {
  return new ApiError("conflict", `A user with the email ${email} already exists.`, [{ field: "email", message: "This email is already in use" }]);
}

async function item(tx: Tx, row: UserRow): Promise<UserItem> {
  return toUserItem(row, (await lastLogins([row.id], tx)).get(row.id) ?? null);
}

export async function createUser(actor: Actor, body: CreateUserRequest, baseUrl: string, request: RequestContext): Promise<UserInviteResponse> {
  const invite = generateInvite();
  try {
    return await prisma.$transaction(async (tx) => {
      await checkDepartments(tx, [
        { field: "department_id", ids: body.department_id ? [body.department_id] : [] },
        { field: "scoped_department_ids", ids: body.scoped_department_ids ?? [] },
      ]);
      if (await tx.profile.findUnique({ where: { email: body.email }, select: { id: true } })) throw duplicateEmail(body.email);
      const row = await tx.profile.create({
        data: {
          name: body.name,
          email: body.email,
          access_level: body.access_level,
          department_id: body.department_id ?? null,
          ta_role: body.ta_role ?? null,
          invite_token_hash: invite.invite_token_hash,
          invite_expires_at: invite.invite_expires_at,
          scoped_departments: { create: [...new Set(body.scoped_department_ids ?? [])].map((department_id) => ({ department_id })) },
        },
        include: userRowInclude,
      });
      const user = toUserItem(row, null);
      await recordAudit(
        actor,
        {
          action: "user.create",
          target_type: "profile",
          target_id: row.id,
          details: {
            name: user.name,
            email: user.email,
            access_level: user.access_level,
            department_id: user.department_id,
            scoped_department_ids: user.scoped_department_ids,
            ta_role: user.ta_role,
          },
        },
        request,
        tx,
      );
      return { user, invite_url: inviteUrl(baseUrl, invite.token), invite_expires_at: invite.invite_expires_at.toISOString() };
    });
  } catch (error) {
    // Two admins adding the same email at once: the unique index decides, the loser gets the same 409.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateEmail(body.email);
    throw error;
  }
}

type Snapshot = Pick<UserItem, "name" | "access_level" | "department_id" | "scoped_department_ids" | "ta_role"> & { disabled: boolean };
/** Changing any of these changes what the person may see, so their browser sessions must end. */
const accessFields: readonly (keyof Snapshot)[] = ["access_level", "department_id", "scoped_department_ids", "disabled"];

function snapshot(row: UserRow): Snapshot {
  return {
    name: row.name,
    access_level: row.access_level,
    department_id: row.department_id,
    scoped_department_ids: row.scoped_departments.map((s) => s.department_id).sort(),
    ta_role: row.ta_role,
    disabled: row.disabled_at !== null,
  };
}

export async function updateUser(actor: Actor, body: UpdateUserRequest, request: RequestContext): Promise<UserItem> {
  return prisma.$transaction(async (tx) => {
    // Lock the row so two admins editing the same person apply one after the other.
    await tx.$queryRaw`SELECT id FROM profiles WHERE id = ${body.profile_id}::uuid FOR UPDATE`;
    const current = await tx.profile.findUnique({ where: { id: body.profile_id }, include: userRowInclude });
    if (!current) throw new ApiError("not_found", "No user has this profile_id.");
    if (current.id === actor.profile_id && (body.disabled === true || (body.access_level && body.access_level !== "admin"))) {
      throw new ApiError("conflict", "You cannot disable your own account or remove your own admin access: ask another admin.", [
        { field: body.disabled === true ? "disabled" : "access_level", message: "Not allowed on your own account" },
      ]);
    }
    await checkDepartments(tx, [
      { field: "department_id", ids: body.department_id ? [body.department_id] : [] },
      { field: "scoped_department_ids", ids: body.scoped_department_ids ?? [] },
    ]);

    const before = snapshot(current);
    const after: Snapshot = {
      name: body.name ?? before.name,
      access_level: body.access_level ?? before.access_level,
      department_id: body.department_id === undefined ? before.department_id : body.department_id,
      scoped_department_ids: body.scoped_department_ids ? [...new Set(body.scoped_department_ids)].sort() : before.scoped_department_ids,
      ta_role: body.ta_role === undefined ? before.ta_role : body.ta_role,
      disabled: body.disabled ?? before.disabled,
    };
    const changed = (Object.keys(after) as (keyof Snapshot)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length === 0) return item(tx, current);

    const row = await tx.profile.update({
      where: { id: current.id },
      data: {
        name: after.name,
        access_level: after.access_level,
        department_id: after.department_id,
        ta_role: after.ta_role,
        disabled_at: after.disabled === before.disabled ? undefined : after.disabled ? new Date() : null,
        auth_version: changed.some((key) => accessFields.includes(key)) ? { increment: 1 } : undefined,
        scoped_departments: changed.includes("scoped_department_ids")
          ? { deleteMany: {}, create: after.scoped_department_ids.map((department_id) => ({ department_id })) }
          : undefined,
      },
      include: userRowInclude,
    });
    await recordAudit(
      actor,
      {
        action: "user.update",
        target_type: "profile",
        target_id: row.id,
        details: {
          changes: Object.fromEntries(changed.map((key) => [key, { before: before[key], after: after[key] }])),
        },
      },
      request,
      tx,
    );
    return item(tx, row);
  });
}

/** A new invitation link; the previous one stops working since only the newest hash is kept. */
export async function reinviteUser(actor: Actor, body: InviteUserRequest, baseUrl: string, request: RequestContext): Promise<UserInviteResponse> {
  const invite = generateInvite();
  return prisma.$transaction(async (tx) => {
    const current = await tx.profile.findUnique({ where: { id: body.profile_id }, select: { id: true, disabled_at: true } });
    if (!current) throw new ApiError("not_found", "No user has this profile_id.");
    if (current.disabled_at) {
      throw new ApiError("conflict", "This account is disabled: enable it before sending a new invitation.", [
        { field: "profile_id", message: "The account is disabled" },
      ]);
    }
    const row = await tx.profile.update({
      where: { id: current.id },
      data: { invite_token_hash: invite.invite_token_hash, invite_expires_at: invite.invite_expires_at },
      include: userRowInclude,
    });
    await recordAudit(
      actor,
      { action: "user.invite", target_type: "profile", target_id: row.id, details: { invite_expires_at: invite.invite_expires_at.toISOString() } },
      request,
      tx,
    );
    return { user: await item(tx, row), invite_url: inviteUrl(baseUrl, invite.token), invite_expires_at: invite.invite_expires_at.toISOString() };
  });
}
