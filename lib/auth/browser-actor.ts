import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import type { Actor } from "./actor";
import { absoluteLifetimeSeconds, authOptions } from "./auth-options";
import { emulationCookie } from "./emulation-cookie";
import { actorFromProfile, loadActor } from "./load-actor";

/**
 * The signed-in person behind the session cookie, re-checked against the database on every request:
 * null when signed out, disabled, past the absolute lifetime, or when their access changed since
 * sign-in. While an admin emulates a TA, the actor is that TA, marked with the emulation.
 * Cached per render: the layout and the page both ask, and the answer must cost one lookup.
 */
export const browserActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const profileId = session?.profile_id;
  if (!profileId) return null;
  if (!session.signed_in_at || Date.now() / 1000 - session.signed_in_at > absoluteLifetimeSeconds) return null;
  const profile = await prisma.profile.findUnique({ where: { id: profileId }, include: { scoped_departments: true } });
  if (!profile || profile.disabled_at || profile.auth_version !== session.auth_version) return null;
  const signedIn = actorFromProfile(profile, { token_id: null });
  return (await emulatedActor(signedIn)) ?? signedIn;
});

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

/**
 * The browser actor, or a redirect to the sign-in page that comes back here afterwards. Pages call
 * this, not only the dashboard layout: a client-side navigation renders just the page, so the
 * layout's check alone would let a disabled user's next click through.
 */
export async function signedInActor(): Promise<Actor> {
  const actor = await browserActor();
  if (!actor) {
    const path = (await headers()).get("x-glow-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return actor;
}

/**
 * The signed-in admin for the settings pages. Anyone else, an admin who is emulating included, gets
 * the same answer as for a page that does not exist.
 */
export async function settingsAdmin(): Promise<Actor> {
  const actor = await signedInActor();
  if (actor.access_level !== "admin" || actor.emulation) notFound();
  return actor;
}
