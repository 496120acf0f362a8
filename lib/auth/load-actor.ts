import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "./actor";

/** The actor for a profile id, or null when the profile is missing or disabled. */
export async function loadActor(profileId: string, extra: Pick<Actor, "token_id" | "emulation"> = { token_id: null }): Promise<Actor | null> {
  const profile = await prisma.profile.findUnique({ where: { id: profileId }, include: { scoped_departments: true } });
  if (!profile || profile.disabled_at) return null;
  return actorFromProfile(profile, extra);
}

export function actorFromProfile(
  profile: {
    id: string;
    name: string;
    email: string;
    access_level: Actor["access_level"];
    department_id: string | null;
    scoped_departments: { department_id: string }[];
  },
  extra: Pick<Actor, "token_id" | "token_scopes" | "emulation">,
): Actor {
  // A coordinator covers their home department plus any they were given.
  const departments = new Set(profile.scoped_departments.map((scope) => scope.department_id));
  if (profile.department_id) departments.add(profile.department_id);
  return {
    profile_id: profile.id,
    name: profile.name,
    email: profile.email,
    access_level: profile.access_level,
    department_ids: [...departments],
    ...extra,
  };
}
