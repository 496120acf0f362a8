import { formatBytes } from "@/lib/format/numbers";
import type { GroupUpload } from "@/lib/groups/prepare";
import { downloadUrl } from "./download-url";

/**
 * <audio>/<video> pointed at the GET download URL: preload="metadata" fetches only the header, and
 * the endpoint's range support lets the browser seek without downloading the whole file.
 */
export function MediaPlayer({ upload }: { upload: GroupUpload }) {
  const url = downloadUrl(upload.kind, upload.upload_id);
  const label = `${upload.kind === "video" ? "Video" : "Audio"}: ${upload.original_name}`;
  return (
    <figure className="max-w-full space-y-1">
      {upload.kind === "video" ? (
        // "#t=0.1" makes the browser decode a first frame, so the player shows a picture, not a black box.
        <video
          controls
          preload="metadata"
          src={`${url}#t=0.1`}
          aria-label={label}
          className="w-full max-w-md rounded-md bg-black"
          data-upload-id={upload.upload_id}
        >
          <a href={url}>Download {upload.original_name}</a>
        </video>
      ) : (
        <audio controls preload="metadata" src={url} aria-label={label} className="w-full max-w-md" data-upload-id={upload.upload_id}>
          <a href={url}>Download {upload.original_name}</a>
        </audio>
      )}
      <figcaption className="text-xs text-slate-600 dark:text-slate-300">
        {upload.original_name} · {formatBytes(upload.byte_size)}
      </figcaption>
    </figure>
  );
}
