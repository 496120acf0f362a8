// Request bodies of the media downloads (client-safe). Each takes the id of an upload of its kind.
import { z } from "zod";
import { uuid } from "@/lib/api/common-schemas";

export const mediaKinds = ["audio", "image", "video", "file", "text"] as const;
export type MediaKind = (typeof mediaKinds)[number];

export const audioDownloadRequest = z
  .strictObject({ audio_upload_id: uuid("audio_upload_id").meta({ description: "UUID of an audio upload" }) })
  .meta({ id: "AudioDownloadRequest" });

export const imageDownloadRequest = z
  .strictObject({ image_upload_id: uuid("image_upload_id").meta({ description: "UUID of an image upload" }) })
  .meta({ id: "ImageDownloadRequest" });

export const videoDownloadRequest = z
  .strictObject({ video_upload_id: uuid("video_upload_id").meta({ description: "UUID of a video upload" }) })
  .meta({ id: "VideoDownloadRequest" });

export const fileDownloadRequest = z
  .strictObject({ file_upload_id: uuid("file_upload_id").meta({ description: "UUID of a file upload" }) })
  .meta({ id: "FileDownloadRequest" });

export const textDownloadRequest = z
  .strictObject({ text_upload_id: uuid("text_upload_id").meta({ description: "UUID of a text upload" }) })
  .meta({ id: "TextDownloadRequest" });
