import { defineEndpoint } from "@/lib/contract/endpoint";
import {
  createTokenRequestSchema,
  createTokenResponseSchema,
  listTokensRequestSchema,
  listTokensResponseSchema,
  revokeTokenRequestSchema,
  tokenItemSchema,
} from "./schemas";

export const listTokensEndpoint = defineEndpoint({
  command: "tokens list",
  path: "/system/tokens",
  summary: "List API tokens (paginated)",
  description:
    "Every API token, newest first, with the profile it acts as, when it was created, expires and was last used (to the minute), and its status: active, expired or revoked (revoked wins). Filterable by profile_id and status. The tokens themselves are never shown again.",
  tag: "Access",
  body: listTokensRequestSchema,
  response: listTokensResponseSchema,
  access: ["admin"],
});

export const createTokenEndpoint = defineEndpoint({
  command: "tokens create",
  path: "/system/tokens/create",
  summary: "Create an API token",
  description:
    "Creates a token acting as profile_id (default: you) with that profile's access, expiring expires_in_days from now (1 to 365, default 90). The answer holds the token once; only its SHA-256 is stored. An unknown profile answers 404, a disabled one 409. Writes a token.create audit row (name, prefix, profile; never the token).",
  tag: "Access",
  body: createTokenRequestSchema,
  response: createTokenResponseSchema,
  access: ["admin"],
  mutates: true,
});

export const revokeTokenEndpoint = defineEndpoint({
  command: "tokens revoke",
  path: "/system/tokens/revoke",
  summary: "Revoke an API token",
  description:
    "The token answers 401 from now on. Idempotent: revoking a revoked token keeps its first revoked_at and writes no second audit row. An unknown token_id answers 404.",
  tag: "Access",
  body: revokeTokenRequestSchema,
  response: tokenItemSchema,
  access: ["admin"],
  mutates: true,
});
