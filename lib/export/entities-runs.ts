import "server-only";
// Export rows of generation, from rows-sql.ts: runs (model, agent and profile names denormalized),
// messages (with the text of their text uploads inlined), uploads (metadata) and tool calls.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import { treeEntity, type EntityDefinition } from "./entity";
import { mapLimit, mediaPath, readInlineText } from "./media";
import { messageRows, runRows, toolCallRows, uploadRows } from "./rows-sql";
import type { ExportScope } from "./scope";

const readConcurrency = 16;

export const runsEntity = treeEntity<Prisma.RunWhereInput>(
  [
    "id",
    "group_id",
    "group_name",
    "session_id",
    "profile_id",
    "profile_name",
    "model_id",
    "model_name",
    "model_provider",
    "agent_id",
    "agent_name",
    "agent_kind",
    "status",
    "finish_reason",
    "error",
    "input_tokens",
    "output_tokens",
    "cached_input_tokens",
    "total_tokens",
    "cost",
    "currency",
    "previous_context_start_index",
    "created_at",
    "finished_at",
    "duration_ms",
  ],
  runRows,
);

const uploadKinds: readonly UploadKind[] = ["text", "audio", "image", "video", "file"];

export const messagesEntity: EntityDefinition<ExportScope["messages"]> = {
  columns: [
    "id",
    "run_id",
    "group_id",
    "session_id",
    "profile_id",
    "role",
    "position",
    "created_at",
    "text",
    "text_upload_ids",
    "audio_upload_ids",
    "image_upload_ids",
    "video_upload_ids",
    "file_upload_ids",
  ],
  // Each message carries its inlined text (up to maxInlineTextBytes per upload).
  batchSize: 1000,
  fetch: async ({ db, store, texts: cache }, scope, afterId, take) =>
    mapLimit(await messageRows(db, scope.sql, afterId, take), readConcurrency, async (m) => {
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
        created_at: m.created_at,
        text: texts.length ? texts.filter((t) => t !== null).join("\n\n") : null,
        ...ids,
      };
    }),
};

/**
 * Uploads linked to an exported message (for the media files, through Prisma). The bound is repeated
 * inside the link subquery so PostgreSQL starts its semi-join there instead of at the first link.
 */
export function uploadsAfter(links: Prisma.MessageUploadWhereInput, afterId: string | undefined): Prisma.UploadWhereInput {
  if (!afterId) return { messages: { some: links } };
  return { id: { gt: afterId }, messages: { some: { AND: [links, { upload_id: { gt: afterId } }] } } };
}

export const uploadsEntity: EntityDefinition<ExportScope["uploads"]> = {
  columns: ["id", "kind", "mime_type", "byte_size", "sha256", "original_name", "profile_id", "created_at", "media_path"],
  fetch: async ({ db, store, includeMedia, missingMedia }, scope, afterId, take) => {
    const uploads = await uploadRows(db, scope.sql, afterId, take);
    if (!includeMedia) return uploads.map((upload) => ({ ...upload, media_path: null }));
    return mapLimit(uploads, readConcurrency, async (upload) => {
      const present = (await store.size(upload.storage_key)) !== null;
      if (!present) missingMedia.add(upload.id);
      return { ...upload, media_path: present ? mediaPath(upload) : null };
    });
  },
};

export const toolCallsEntity = treeEntity<Prisma.ToolCallWhereInput>(
  ["id", "message_id", "run_id", "group_id", "session_id", "template_name", "file_path", "created_at"],
  toolCallRows,
);
