import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import { actorFromProfile } from "@/lib/auth/load-actor";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { hashInviteToken, looksLikeInviteToken } from "./invite-token";

/**
 * The still-usable invitation behind a token, or null. Unknown, used, expired and disabled all
 * answer null alike, so the page cannot be used to learn which links once existed.
 */
export async function findInvite(token: string, now = new Date()): Promise<{ name: string; email: string } | null> {
  if (!looksLikeInviteToken(token)) return null;
  return prisma.profile.findFirst({
    where: { invite_token_hash: hashInviteToken(token), invite_expires_at: { gt: now }, disabled_at: null },
    select: { name: true, email: true },
  });
}

/**
 * Sets the password and spends the invitation in one transaction. The conditional UPDATE (hash,
 * expiry and enabled state in its WHERE) makes the link single-use even when submitted twice at once.
 */
export async function acceptInvite(token: string, password: string, request: RequestContext, now = new Date()): Promise<"accepted" | "invalid"> {
  if (!looksLikeInviteToken(token)) return "invalid";
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const where = { invite_token_hash: hashInviteToken(token), invite_expires_at: { gt: now }, disabled_at: null };
    const profile = await tx.profile.findFirst({ where, include: { scoped_departments: true } });
    if (!profile) return "invalid";
    const spent = await tx.profile.updateMany({
      where: { id: profile.id, ...where },
      data: { password_hash: passwordHash, invite_token_hash: null, invite_expires_at: null, auth_version: { increment: 1 } },
    });
    if (spent.count === 0) return "invalid";
    await recordAudit(
      actorFromProfile(profile, { token_id: null }),
      { action: "user.accept_invite", target_type: "profile", target_id: profile.id },
      request,
      tx,
    );
    return "accepted";
  });
}
