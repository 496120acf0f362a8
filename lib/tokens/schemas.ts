// POST /system/tokens, /system/tokens/create and /system/tokens/revoke: request and response
// schemas (client-safe).
import { z } from "zod";
import { paginatedResponse, paginationRequest, timestamp, uuid } from "@/lib/api/common-schemas";

/** revoked wins over expired: a revoked token stays revoked whatever its expiry. */
export const tokenStatus = z.enum(["active", "expired", "revoked"]).meta({ id: "TokenStatus" });
export type TokenStatus = z.infer<typeof tokenStatus>;

export const tokenScope = z.enum(["read", "ingest"]).meta({
  id: "TokenScope",
  description: "read: the system API, as far as the token's profile may use it; ingest: send data (an admin's token only)",
});
export type TokenScope = z.infer<typeof tokenScope>;

export const listTokensRequestSchema = z
  .strictObject({
    ...paginationRequest,
    profile_id: uuid("profile_id").optional().meta({ description: "Only the tokens acting as this profile" }),
    status: tokenStatus.optional(),
  })
  .meta({ id: "ListTokensRequest" });
export type ListTokensRequest = z.infer<typeof listTokensRequestSchema>;

export const tokenItemSchema = z
  .object({
    token_id: uuid("token_id"),
    name: z.string(),
    token_prefix: z.string().meta({ description: "The first characters of the token, to tell tokens apart" }),
    profile_id: uuid("profile_id").meta({ description: "The profile the token acts as" }),
    profile_name: z.string(),
    created_at: timestamp,
    expires_at: timestamp.nullable(),
    last_used_at: timestamp.nullable().meta({ description: "Kept to the minute" }),
    revoked_at: timestamp.nullable(),
    status: tokenStatus,
    scopes: z.array(tokenScope).meta({ description: "What the token may do; tokens made before scopes have read only" }),
  })
  .meta({ id: "TokenItem" });
export type TokenItem = z.infer<typeof tokenItemSchema>;

export const listTokensResponseSchema = paginatedResponse(tokenItemSchema).meta({ id: "ListTokensResponse" });
export type ListTokensResponse = z.infer<typeof listTokensResponseSchema>;

export const maxTokenLifetimeDays = 365;
export const defaultTokenLifetimeDays = 90;

// A lifetime in days rather than an expiry timestamp: it cannot be in the past, needs no time zone,
// and the cap is one number.
export const createTokenRequestSchema = z
  .strictObject({
    name: z
      .string({ error: "name must be a string" })
      .trim()
      .min(1, { error: "name must not be empty" })
      .max(100, { error: "name must be at most 100 characters" }),
    expires_in_days: z
      .int({ error: "expires_in_days must be an integer" })
      .min(1, { error: "expires_in_days must be at least 1" })
      .max(maxTokenLifetimeDays, { error: `expires_in_days must be at most ${maxTokenLifetimeDays}` })
      .default(defaultTokenLifetimeDays)
      .meta({ description: "The token stops working this many days from now" }),
    profile_id: uuid("profile_id").optional().meta({ description: "The profile the token acts as, with that profile's access; defaults to you" }),
    scopes: z
      .array(tokenScope, { error: "scopes must be a list of read and ingest" })
      .min(1, { error: "scopes must name at least one scope" })
      .refine((scopes) => new Set(scopes).size === scopes.length, { error: "scopes must not repeat a scope" })
      .default(["read"])
      .meta({ description: "What the token may do; ingest only for a token acting as an admin" }),
  })
  .meta({ id: "CreateTokenRequest" });
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;

export const createTokenResponseSchema = tokenItemSchema
  .extend({
    token: z.string().meta({ description: "The token itself. Shown only in this answer: only its SHA-256 is stored" }),
  })
  .meta({ id: "CreateTokenResponse" });
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const revokeTokenRequestSchema = z.strictObject({ token_id: uuid("token_id") }).meta({ id: "RevokeTokenRequest" });
export type RevokeTokenRequest = z.infer<typeof revokeTokenRequestSchema>;
