import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import type { Actor } from "./actor";
import { absoluteLifetimeSeconds, authOptions } from "./auth-options";
import { emulationCookie } from "./emulation-cookie";
import { actorFromProfile, loadActor } from "./load-actor";

/**
 * The signed-in person behind the session cookie, re-checked against the database on every request:
 * null when signed out, disabled, past the absolute lifetime, or when their access changed since
 * sign-in. While an admin emulates a TA, the actor is that TA, marked with the emulation.
 */
export async function browserActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const profileId = session?.profile_id;
  if (!profileId) return null;
  if (!session.signed_in_at || Date.now() / 1000 - session.signed_in_at > absoluteLifetimeSeconds) return null;
  const profile = await prisma.profile.findUnique({ where: { id: profileId }, include: { scoped_departments: true } });
  if (!profile || profile.disabled_at || profile.auth_version !== session.auth_version) return null;
  const signedIn = actorFromProfile(profile, { token_id: null });
  return (await emulatedActor(signedIn)) ?? signedIn;
}

async function emulatedActor(admin: Actor): Promise<Actor | null> {
  if (admin.access_level !== "admin") return null;
  const emulationId = (await cookies()).get(emulationCookie)?.value;
  if (!emulationId || !/^[0-9a-f-]{36}$/i.test(emulationId)) return null;
  const emulation = await prisma.emulation.findFirst({ where: { id: emulationId, admin_id: admin.profile_id, ended_at: null } });
  if (!emulation) return null;
  return loadActor(emulation.target_profile_id, {
    token_id: null,
    emulation: { emulation_id: emulation.id, admin_profile_id: admin.profile_id, admin_name: admin.name },
  });
}
