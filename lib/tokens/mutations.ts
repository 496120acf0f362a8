import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { generateApiToken } from "@/lib/auth/api-token";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { toTokenItem, tokenSelect } from "./queries";
import type { CreateTokenRequest, CreateTokenResponse, RevokeTokenRequest, TokenItem } from "./schemas";

const dayMs = 86_400_000;

export async function createToken(actor: Actor, body: CreateTokenRequest, request: RequestContext): Promise<CreateTokenResponse> {
  const profileId = body.profile_id ?? actor.profile_id;
  const issue = (message: string) => [{ field: body.profile_id ? "profile_id" : "", message }];
  return prisma.$transaction(async (tx) => {
    const owner = await tx.profile.findUnique({ where: { id: profileId }, select: { id: true, disabled_at: true, access_level: true } });
    if (!owner) throw new ApiError("not_found", "profile_id: no profile has this id.", issue("No profile has this id"));
    if (owner.disabled_at) {
      throw new ApiError("conflict", "profile_id: the profile is disabled, so a token for it could not be used.", issue("The profile is disabled"));
    }
    // Ingestion writes for every department: only a token acting as an admin may carry it.
    if (body.scopes.includes("ingest") && owner.access_level !== "admin") {
      throw new ApiError("invalid_body", "scopes: ingest is only for a token acting as an admin.", [
        { field: "scopes", message: "ingest is only for a token acting as an admin" },
      ]);
    }
    const secret = generateApiToken();
    const id = randomUUID();
    // The audit row goes first, so a failed insert of the token leaves neither behind.
    await recordAudit(
      actor,
      {
        action: "token.create",
        target_type: "api_token",
        target_id: id,
        details: { name: body.name, prefix: secret.token_prefix, profile_id: owner.id, scopes: body.scopes },
      },
      request,
      tx,
    );
    const row = await tx.apiToken.create({
      data: {
        id,
        profile_id: owner.id,
        name: body.name,
        token_hash: secret.token_hash,
        token_prefix: secret.token_prefix,
        expires_at: new Date(Date.now() + body.expires_in_days * dayMs),
        scopes: body.scopes,
      },
      select: tokenSelect,
    });
    return { token: secret.token, ...toTokenItem(row) };
  });
}

/**
 * One conditional UPDATE (`WHERE revoked_at IS NULL`): of two concurrent revokes, the second waits
 * on the row lock, then finds nothing to change, so the first revoked_at and one audit row remain.
 */
export async function revokeToken(actor: Actor, body: RevokeTokenRequest, request: RequestContext): Promise<TokenItem> {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.apiToken.updateMany({ where: { id: body.token_id, revoked_at: null }, data: { revoked_at: new Date() } });
    const row = await tx.apiToken.findUnique({ where: { id: body.token_id }, select: tokenSelect });
    if (!row) throw new ApiError("not_found", "token_id: no API token has this id.", [{ field: "token_id", message: "No API token has this id" }]);
    if (changed.count > 0) {
      await recordAudit(
        actor,
        {
          action: "token.revoke",
          target_type: "api_token",
          target_id: row.id,
          details: { name: row.name, prefix: row.token_prefix, profile_id: row.profile_id },
        },
        request,
        tx,
      );
    }
    return toTokenItem(row);
  });
}
