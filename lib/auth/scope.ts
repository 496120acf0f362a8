// What an actor may see, as Prisma filters: admins everything, coordinators the TAs of their
// departments, TAs themselves. Every query composes these, so out-of-scope rows look missing.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";

export function visibleProfiles(actor: Actor): Prisma.ProfileWhereInput {
  switch (actor.access_level) {
    case "admin":
      return {};
    case "coordinator":
      return { department_id: { in: actor.department_ids } };
    case "ta":
      return { id: actor.profile_id };
  }
}

export function visibleSessions(actor: Actor): Prisma.SessionWhereInput {
  return actor.access_level === "admin" ? {} : { profile: visibleProfiles(actor) };
}

export function visibleGroups(actor: Actor): Prisma.GroupWhereInput {
  return actor.access_level === "admin" ? {} : { session: visibleSessions(actor) };
}
