import type { z } from "zod";
import { defineEndpoint } from "@/lib/contract/endpoint";
import {
  audioDownloadRequest,
  fileDownloadRequest,
  imageDownloadRequest,
  textDownloadRequest,
  videoDownloadRequest,
  type MediaKind,
} from "./schemas";

const shown: Record<MediaKind, string> = {
  audio: "inline",
  image: "inline",
  video: "inline",
  text: "inline (text/* gets `; charset=utf-8` when the stored type names no charset)",
  file: "attachment",
};

function downloadEndpoint<Body extends z.ZodType>(kind: MediaKind, body: Body) {
  const uploadIdOf = (request: z.output<Body>) => (request as Record<string, string | undefined>)[`${kind}_upload_id`];
  return defineEndpoint({
    command: `${kind}_download`,
    path: `/system/${kind}_download`,
    summary: `Download ${kind === "audio" || kind === "image" ? "an" : "a"} ${kind} upload's bytes (range requests supported)`,
    description: [
      `Streams the bytes of the ${kind} upload named by ${kind}_upload_id with its stored MIME type, Content-Length, ETag (the SHA-256), Accept-Ranges: bytes, Cache-Control: private, X-Content-Type-Options: nosniff and Content-Disposition ${shown[kind]} with a sanitized file name (ASCII filename= plus RFC 5987 filename*=); HTML, SVG, XML and script types are always sent as attachment.`,
      "Range: a single `bytes=a-b`, `bytes=a-` or `bytes=-n` answers 206 with Content-Range; a range starting past the end (or `bytes=-0`) answers 416 with `Content-Range: bytes */size`. A malformed Range, a request for several ranges, or any Range on an empty file is ignored (200, whole file). If-Range with another ETag sends the whole file; If-None-Match with the ETag answers 304 (GET).",
      `An upload of another kind, a missing id and an upload whose messages are all in sessions you may not see all answer 404. Also available as GET /system/${kind}_download?${kind}_upload_id=… for <audio>, <video> and <img>, with the same authentication.`,
      "Audited as upload.read, except the download of an upload that a /system/group read offered you within the last hour: that read's audit row lists it (offered_upload_ids), so a page view is one row.",
    ].join(" "),
    tag: "Media",
    body,
    response: null,
    binary: { contentType: "application/octet-stream", description: `The ${kind} upload's bytes, with its stored Content-Type`, ranges: true },
    alsoGet: true,
    access: ["admin", "coordinator", "ta"],
    auditRead: {
      entry: (request) => ({ action: "upload.read", target_type: "upload", target_id: uploadIdOf(request) ?? null }),
      uploadId: uploadIdOf,
    },
  });
}

export const audioDownloadEndpoint = downloadEndpoint("audio", audioDownloadRequest);
export const imageDownloadEndpoint = downloadEndpoint("image", imageDownloadRequest);
export const videoDownloadEndpoint = downloadEndpoint("video", videoDownloadRequest);
export const fileDownloadEndpoint = downloadEndpoint("file", fileDownloadRequest);
export const textDownloadEndpoint = downloadEndpoint("text", textDownloadRequest);

/** Each kind's download endpoint, for the code that serves, audits and links downloads by kind. */
export const downloadEndpoints = {
  audio: audioDownloadEndpoint,
  file: fileDownloadEndpoint,
  image: imageDownloadEndpoint,
  text: textDownloadEndpoint,
  video: videoDownloadEndpoint,
} as const satisfies Record<MediaKind, unknown>;
