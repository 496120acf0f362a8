import type { AccessLevel } from "@/lib/generated/prisma/enums";

/** Who is calling: the token's or signed-in user's profile, and what it may see. */
export interface Actor {
  profile_id: string;
  name: string;
  email: string;
  access_level: AccessLevel;
  /** Departments a coordinator covers (their home department plus any scoped ones). */
  department_ids: string[];
  /** The API token used, when the call came with a Bearer token. */
  token_id: string | null;
  /** What that token may do (lib/tokens/schemas.ts tokenScope); absent for a signed-in browser. */
  token_scopes?: readonly string[];
  /**
   * Set while an admin views the dashboard as this TA: the actor is the TA (their scope), the
   * audit trail names the admin, and nothing may be changed.
   */
  emulation?: { emulation_id: string; admin_profile_id: string; admin_name: string };
}
