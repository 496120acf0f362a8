"use client";

import { useId, useRef } from "react";
import { formatBytes } from "@/lib/format/numbers";
import type { GroupUpload } from "@/lib/groups/prepare";
import { downloadUrl } from "./download-url";

/**
 * An inline image that opens full size in a lightbox: a modal <dialog>, so the browser traps focus
 * and closes it on Escape; focus goes back to the thumbnail when it closes.
 */
export function ImageUpload({ upload }: { upload: GroupUpload }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const url = downloadUrl("image", upload.upload_id);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
        className="group block max-w-full rounded-md border border-slate-200 bg-white p-1 dark:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-700"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- authenticated API bytes, not a static asset for next/image */}
        <img src={url} alt={upload.original_name} loading="lazy" className="max-h-48 w-auto max-w-full rounded" data-upload-id={upload.upload_id} />
        <span className="mt-1 block text-left text-xs text-slate-600 group-hover:underline dark:text-slate-300">
          {upload.original_name} · {formatBytes(upload.byte_size)} <span className="sr-only">(open full size)</span>
        </span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => trigger.current?.focus()}
        // A click on the backdrop lands on the <dialog> itself: close, as lightboxes do.
        onClick={(event) => {
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="m-auto max-h-[95vh] max-w-[95vw] rounded-lg bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-[rgb(0_0_0/0.7)] dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id={titleId} className="truncate text-sm font-semibold">
            {upload.original_name}
          </h2>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:hover:bg-slate-800"
          >
            Close <span aria-hidden>✕</span>
          </button>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
        <img src={url} alt={upload.original_name} className="max-h-[85vh] max-w-[95vw] object-contain p-2" />
      </dialog>
    </>
  );
}
