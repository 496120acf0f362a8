import { formatBytes } from "@/lib/format/numbers";
import type { GroupUpload } from "@/lib/groups/prepare";
import { downloadUrl } from "./download-url";

/** A download link with the file's name, size and type; the endpoint sends it as an attachment. */
export function FileDownload({ upload }: { upload: GroupUpload }) {
  return (
    <a
      href={downloadUrl(upload.kind, upload.upload_id)}
      download={upload.original_name}
      className="inline-flex max-w-full items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      <span aria-hidden>📎</span>
      <span className="truncate font-medium">{upload.original_name}</span>
      <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">
        {formatBytes(upload.byte_size)} · {upload.mime_type}
      </span>
      <span className="sr-only">(download)</span>
    </a>
  );
}
