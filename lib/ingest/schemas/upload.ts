// POST /ingest/upload: what may be sent, per kind, and the answer (client-safe).
import { z } from "zod";
import { uuid } from "@/lib/api/common-schemas";

export const uploadKinds = ["text", "image", "audio", "video", "file"] as const;
export type UploadKindName = (typeof uploadKinds)[number];

const megabytes = (n: number) => n * 1024 * 1024;

/** Per kind: the MIME types accepted and the largest upload. Text types have no signature; the rest must match theirs. */
export const uploadRules: Record<UploadKindName, { maxBytes: number; mimeTypes: readonly string[] }> = {
  text: { maxBytes: megabytes(1), mimeTypes: ["text/plain", "text/markdown"] },
  image: { maxBytes: megabytes(20), mimeTypes: ["image/png", "image/jpeg", "image/gif", "image/webp"] },
  audio: { maxBytes: megabytes(100), mimeTypes: ["audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/mp4"] },
  video: { maxBytes: megabytes(500), mimeTypes: ["video/mp4", "video/webm", "video/ogg"] },
  file: { maxBytes: megabytes(50), mimeTypes: ["application/pdf", "text/plain", "text/csv", "text/markdown", "application/json"] },
};

export const textMimeTypes: readonly string[] = ["text/plain", "text/markdown", "text/csv", "application/json"];

export const ingestUploadRequestSchema = z
  .strictObject({
    kind: z.enum(uploadKinds, { error: `kind must be one of ${uploadKinds.join(", ")}` }),
    profile_id: uuid("profile_id").meta({ description: "The TA whose media it is" }),
    file_name: z
      .string({ error: "file_name must be a string" })
      .trim()
      .min(1, { error: "file_name must not be empty" })
      .max(255, { error: "file_name must be at most 255 characters" })
      .meta({ description: "The original file name, shown and offered on download" }),
    upload_id: uuid("upload_id")
      .optional()
      .meta({ description: "The sender's id for this upload: sending the same bytes again under it changes nothing" }),
  })
  .meta({
    id: "IngestUploadRequest",
    description: "Query parameters; the request body is the file's bytes, with its MIME type as Content-Type",
  });
export type IngestUploadRequest = z.infer<typeof ingestUploadRequestSchema>;

export const ingestUploadResponseSchema = z
  .object({
    upload_id: z.string().meta({ description: "Name it in a message event's upload_ids" }),
    status: z.enum(["accepted", "duplicate"]).meta({ description: "duplicate: this upload_id was stored before with the same bytes" }),
    kind: z.enum(uploadKinds),
    mime_type: z.string(),
    byte_size: z.int().min(0),
    sha256: z.string(),
    bytes_reused: z.boolean().meta({ description: "The same bytes were already stored (for any upload), so they are kept once" }),
  })
  .meta({ id: "IngestUploadResponse" });
export type IngestUploadResponse = z.infer<typeof ingestUploadResponseSchema>;
