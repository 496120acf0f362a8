"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { downloadFromApi } from "@/components/ui/download-from-api";
import type { z } from "zod";
import { exportEndpoint } from "@/lib/export/endpoints";
import type { exportRequestSchema } from "@/lib/export/schemas";
import { buttonClass } from "@/components/ui/filter-styles";

/** What the export covers: the list's filters, or one session. */
type ExportBody = Pick<z.input<typeof exportRequestSchema>, "target_session_id" | "date_from" | "date_to" | "department_ids" | "roles">;

function downloadExport(body: ExportBody): Promise<string> {
  return downloadFromApi(exportEndpoint, body, "glow-export.zip");
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
