import "server-only";
// A generation event reported by the sender: checked against its run, then streamed to watchers as
// the spec's Generation…Event. Nothing is stored but the idempotency row and the replay buffer's.
import { publishLive } from "@/lib/live/publish";
import type { LiveEvent } from "@/lib/live/schemas";
import { IngestRefusal, type Tx } from "./apply";
import type { GenerationEvent } from "./schemas";

const percentage = (completed: number, total: number) => Math.round((completed / total) * 1000) / 10;

function liveEventOf(event: GenerationEvent, where: Omit<Extract<LiveEvent, { type: "GenerationSavedEvent" }>, "type" | "artifact_type">): LiveEvent {
  switch (event.kind) {
    case "progress": {
      const { completed_resources, total_resources } = event;
      return {
        type: "GenerationProgressEvent",
        ...where,
        completed_resources,
        total_resources,
        percentage: percentage(completed_resources, total_resources),
      };
    }
    case "saved":
      return { type: "GenerationSavedEvent", ...where, artifact_type: event.artifact_type };
    case "complete":
      return { type: "GenerationCompleteEvent", ...where, artifact_type: event.artifact_type, success: event.success };
    case "error":
      return { type: "GenerationErrorEvent", ...where, message: event.message };
    case "media_progress": {
      const { completed_resources, total_resources, media_type } = event;
      return {
        type: "GenerationMediaProgressEvent",
        ...where,
        media_type,
        completed_resources,
        total_resources,
        percentage: percentage(completed_resources, total_resources),
      };
    }
    case "media_complete":
      return {
        type: "GenerationMediaCompleteEvent",
        ...where,
        media_type: event.media_type,
        success: event.success,
        upload_id: event.upload_id ?? null,
      };
  }
}

export async function applyGeneration(tx: Tx, event: GenerationEvent): Promise<void> {
  const run = await tx.run.findUnique({
    where: { id: event.run_id },
    select: { group_id: true, profile_id: true, group: { select: { session_id: true } } },
  });
  if (!run) throw new IngestRefusal({ field: "run_id", message: `no run ${event.run_id}: send its run event first (resending this batch is safe)` });
  if (event.kind === "media_complete" && event.upload_id) {
    const upload = await tx.upload.findUnique({ where: { id: event.upload_id }, select: { id: true } });
    if (!upload) throw new IngestRefusal({ field: "upload_id", message: "no such upload: send it with /ingest/upload first" });
  }
  const where = {
    occurred_at: event.occurred_at,
    profile_id: run.profile_id,
    session_id: run.group.session_id,
    group_id: run.group_id,
    run_id: event.run_id,
  };
  await publishLive(tx, liveEventOf(event, where));
}
