import "server-only";
import { prisma } from "@/lib/db";

/** Whether "View as" may be offered for this profile: emulation start accepts only active TAs. */
export async function canBeEmulated(profileId: string): Promise<boolean> {
  const profile = await prisma.profile.findUnique({ where: { id: profileId }, select: { access_level: true, disabled_at: true } });
  return profile?.access_level === "ta" && !profile.disabled_at;
}
