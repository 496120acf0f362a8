import "server-only";
// The one way a TA's record is read for a caller, by the API and the pages alike: the read runs,
// then one audit row records what it came to (allowed, not_found, denied), and only then does the
// caller get the record. A read whose audit row cannot be written answers an error instead.
// Recording after the decision keeps refusals out of the TA's access history (FERPA 34 CFR 99.32
// asks for a record of disclosures) while admins still see them in the audit log.
import type { Actor } from "@/lib/auth/actor";
import type { AuditTarget } from "@/lib/contract/endpoint";
import { ApiError } from "@/lib/api/errors";
import type { AuditOutcome } from "./actions";
import { recordAudit } from "./record";

export async function auditedRead<Result>(
  actor: Actor,
  target: AuditTarget,
  request: { headers: Headers; requestId: string },
  read: () => Promise<Result>,
  disclosed: (result: Result) => boolean = () => true,
): Promise<Result> {
  let result: Result;
  try {
    result = await read();
  } catch (error) {
    const outcome: AuditOutcome | null =
      error instanceof ApiError && error.code === "not_found" ? "not_found" : error instanceof ApiError && error.code === "forbidden" ? "denied" : null;
    // A refusal's row must not turn the refusal into a 500: the answer stays what it was.
    if (outcome) await recordAudit(actor, { ...target, outcome }, request).catch((cause: unknown) => console.error("audit of a refused read failed", cause));
    throw error;
  }
  await recordAudit(actor, { ...target, outcome: disclosed(result) ? "allowed" : "not_found" }, request);
  return result;
}
