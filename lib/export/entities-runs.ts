import "server-only";
// Export rows of generation: runs (model, agent and profile names denormalized), messages (with
// the text of their text uploads inlined), uploads (metadata) and tool calls.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import { iso, nameOf, type EntityDefinition } from "./entity";
import { pageAfter } from "./keyset";
import { mapLimit, mediaPath, readInlineText } from "./media";
import type { ExportScope } from "./scope";
import { messagesAfter } from "./sql";

const readConcurrency = 16;

export const runsEntity: EntityDefinition<Prisma.RunWhereInput> = {
  columns: [
    "id", "group_id", "group_name", "session_id", "profile_id", "profile_name", "model_id", "model_name", "model_provider",
    "agent_id", "agent_name", "agent_kind", "status", "error", "input_tokens", "output_tokens", "cached_input_tokens",
    "total_tokens", "cost", "previous_context_start_index", "created_at", "finished_at", "duration_ms",
  ],
  fetch: async ({ db }, where, afterId, take) =>
    (
      await db.run.findMany({
        ...pageAfter(where, afterId, take),
        include: {
          group: { select: { name: true, session_id: true } },
          profile: nameOf,
          model: { select: { name: true, provider: true } },
          agent: { select: { name: true, kind: true } },
        },
      })
    ).map((r) => ({
      id: r.id,
      group_id: r.group_id,
      group_name: r.group.name,
      session_id: r.group.session_id,
      profile_id: r.profile_id,
      profile_name: r.profile.name,
      model_id: r.model_id,
      model_name: r.model.name,
      model_provider: r.model.provider,
      agent_id: r.agent_id,
      agent_name: r.agent.name,
      agent_kind: r.agent.kind,
      status: r.status,
      error: r.error,
      input_tokens: r.input_tokens,
      output_tokens: r.output_tokens,
      cached_input_tokens: r.cached_input_tokens,
      // Cached input tokens are part of input_tokens, as everywhere in the API.
      total_tokens: r.input_tokens + r.output_tokens,
      cost: r.cost.toFixed(),
      previous_context_start_index: r.previous_context_start_index,
      created_at: iso(r.created_at),
      finished_at: iso(r.finished_at),
      duration_ms: r.duration_ms,
    })),
};

const uploadKinds: readonly UploadKind[] = ["text", "audio", "image", "video", "file"];

export const messagesEntity: EntityDefinition<ExportScope["messages"]> = {
  columns: [
    "id", "run_id", "group_id", "session_id", "profile_id", "role", "position", "created_at", "text",
    "text_upload_ids", "audio_upload_ids", "image_upload_ids", "video_upload_ids", "file_upload_ids",
  ],
  // Each message carries its inlined text (up to maxInlineTextBytes per upload).
  batchSize: 500,
  fetch: async ({ db, store, texts: cache }, scope, afterId, take) =>
    mapLimit(await messagesAfter(db, scope.sql, afterId, take), readConcurrency, async (m) => {
      const texts = await Promise.all(
        m.uploads
          .filter((u) => u.kind === "text")
          .map(async (u) => {
            const cached = cache.get(u.storage_key);
            if (cached !== undefined) return cached;
            const text = await readInlineText(store, u.storage_key, Number(u.byte_size));
            if (text !== null) cache.set(u.storage_key, text);
            return text;
          }),
      );
      const ids = Object.fromEntries(uploadKinds.map((kind) => [`${kind}_upload_ids`, m.uploads.filter((u) => u.kind === kind).map((u) => u.id)]));
      return {
        id: m.id,
        run_id: m.run_id,
        group_id: m.group_id,
        session_id: m.session_id,
        profile_id: m.profile_id,
        role: m.role,
        position: m.position,
        created_at: iso(m.created_at),
        text: texts.length ? texts.filter((t) => t !== null).join("\n\n") : null,
        ...ids,
      };
    }),
};

/**
 * Uploads linked to an exported message, after `afterId`. The bound is repeated inside the
 * link subquery so PostgreSQL starts its semi-join there instead of at the first link every batch.
 */
export function uploadsAfter(links: Prisma.MessageUploadWhereInput, afterId: string | undefined): Prisma.UploadWhereInput {
  if (!afterId) return { messages: { some: links } };
  return { id: { gt: afterId }, messages: { some: { AND: [links, { upload_id: { gt: afterId } }] } } };
}

export const uploadsEntity: EntityDefinition<Prisma.MessageUploadWhereInput> = {
  columns: ["id", "kind", "mime_type", "byte_size", "sha256", "original_name", "profile_id", "created_at", "media_path"],
  fetch: async ({ db, store, includeMedia, missingMedia }, where, afterId, take) => {
    const uploads = await db.upload.findMany({ where: uploadsAfter(where, afterId), orderBy: { id: "asc" }, take });
    return mapLimit(uploads, readConcurrency, async (u) => {
      let path: string | null = null;
      if (includeMedia) {
        if ((await store.size(u.storage_key)) === null) missingMedia.add(u.id);
        else path = mediaPath(u);
      }
      return {
        id: u.id,
        kind: u.kind,
        mime_type: u.mime_type,
        byte_size: Number(u.byte_size),
        sha256: u.sha256,
        original_name: u.original_name,
        profile_id: u.profile_id,
        created_at: iso(u.created_at),
        media_path: path,
      };
    });
  },
};

export const toolCallsEntity: EntityDefinition<Prisma.ToolCallWhereInput> = {
  columns: ["id", "message_id", "run_id", "group_id", "session_id", "template_name", "file_path", "created_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (
      await db.toolCall.findMany({
        ...pageAfter(where, afterId, take),
        include: { message: { select: { run_id: true, run: { select: { group_id: true, group: { select: { session_id: true } } } } } } },
      })
    ).map((c) => ({
      id: c.id,
      message_id: c.message_id,
      run_id: c.message.run_id,
      group_id: c.message.run.group_id,
      session_id: c.message.run.group.session_id,
      template_name: c.template_name,
      file_path: c.file_path,
      created_at: iso(c.created_at),
    })),
};
