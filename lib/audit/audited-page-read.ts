import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Endpoint } from "@/lib/contract/endpoint";
import { auditedEndpointRead } from "./audited-read";

/**
 * A page reading what an API endpoint reads leaves the same audit row as the endpoint would, with
 * the same outcome: pages and the API cannot differ.
 */
export async function auditedPageRead<Body extends z.ZodType, Result extends z.ZodType>(
  actor: Actor,
  endpoint: Endpoint<Body, Result>,
  body: z.output<Body>,
  read: () => Promise<z.input<Result>>,
): Promise<z.input<Result>> {
  return auditedEndpointRead(actor, endpoint, body, { headers: await headers(), requestId: randomUUID() }, read);
}
