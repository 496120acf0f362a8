"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { buttonClass } from "./filter-styles";

interface ExportBody {
  target_session_id?: string;
  date_from?: string;
  date_to?: string;
  department_ids?: string[];
  roles?: string[];
}

async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The export failed (${response.status}).`;
  } catch {
    return `The export failed (${response.status}).`;
  }
}

/**
 * POSTs the filters to /system/export and saves the ZIP it streams back. The API only takes JSON
 * bodies, so a plain form cannot post it; the browser collects the stream into a Blob and hands it
 * to a download link.
 */
async function downloadExport(body: ExportBody): Promise<string> {
  const response = await fetch("/system/export", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await readError(response));
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "glow-export.zip";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the Blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}

export function ExportButton({ body, label, description }: { body: ExportBody; label: string; description: string }) {
  const mutation = useMutation({ mutationFn: downloadExport });
  const descriptionId = useId();
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        className={buttonClass}
        onClick={() => mutation.mutate(body)}
        disabled={mutation.isPending}
        title={description}
        aria-describedby={descriptionId}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M10 3v10m0 0-4-4m4 4 4-4M4 15v2h12v-2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {mutation.isPending ? "Preparing export…" : label}
      </button>
      <span id={descriptionId} className="sr-only">
        {description}
      </span>
      <p className="sr-only" aria-live="polite">
        {mutation.isPending ? "Preparing the export." : mutation.isSuccess ? `Downloaded ${mutation.data}.` : ""}
      </p>
      {mutation.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
