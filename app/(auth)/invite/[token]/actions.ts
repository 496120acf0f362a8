"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { acceptInvite } from "@/lib/users/accept-invite";
import { acceptInviteSchema, type AcceptInviteState } from "@/lib/users/schemas";

export async function acceptInviteAction(token: string, _previous: AcceptInviteState, form: FormData): Promise<AcceptInviteState> {
  const parsed = acceptInviteSchema.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    const fieldErrors: AcceptInviteState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "password" || field === "confirm") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors };
  }
  const outcome = await acceptInvite(token, parsed.data.password, { headers: await headers(), requestId: randomUUID() });
  if (outcome === "invalid") return { invalid: true };
  redirect("/login?notice=password_set");
}
