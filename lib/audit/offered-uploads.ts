import "server-only";
// A page view is one audit row with its media attached: a group read records the uploads its answer
// offers (offered_upload_ids), and a download of one of them by the same person soon after writes
// no row of its own. Without this one group page wrote about 50 upload.read rows (one per image,
// per player, per range request), which buried the reads that matter. Downloads nobody was offered
// (a script fetching an id it found elsewhere, or an hour later) are still recorded one by one.
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";

/**
 * As long as the browser may keep the bytes itself (the downloads' Cache-Control max-age), so a
 * page left open and played later is still covered by the row of the view that offered it.
 */
export const offeredUploadWindowMs = 60 * 60 * 1000;

/** Whether a recorded read disclosed this upload to this person (the admin, when emulating) within the window. */
export async function uploadOfferedRecently(actor: Actor, uploadId: string, now = new Date()): Promise<boolean> {
  const offer = await prisma.auditLog.findFirst({
    where: {
      offered_upload_ids: { has: uploadId },
      actor_id: actor.emulation?.admin_profile_id ?? actor.profile_id,
      on_behalf_of_id: actor.emulation ? actor.profile_id : null,
      outcome: "allowed",
      created_at: { gte: new Date(now.getTime() - offeredUploadWindowMs) },
    },
    // Newest first: the offer is usually the page view just before the download, so the walk back
    // through this person's recent rows stops within a few (0.2 ms at 10M audit rows, 2,000 rows of
    // theirs in the hour; 2.8 ms oldest first). The GIN index alone is estimated far too wide to be chosen.
    orderBy: { created_at: "desc" },
    select: { id: true },
  });
  return offer !== null;
}
