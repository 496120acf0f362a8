"use client";

import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import type { GroupUpload } from "@/lib/groups/prepare";
import { getEndpoint } from "@/lib/contract/api-client";
import { textDownloadEndpoint } from "@/lib/media/endpoints";
import { FileDownload } from "./file-download";

/** Texts above this size are offered as a download instead of being poured into the conversation. */
const inlineLimit = 200_000;

async function fetchText(uploadId: string, signal: AbortSignal): Promise<string> {
  const response = await getEndpoint(textDownloadEndpoint, { text_upload_id: uploadId }, { signal });
  return response.text();
}

/** A message's text, fetched from the text download endpoint when its run is opened. */
export function TextUpload({ upload }: { upload: GroupUpload }) {
  const tooLarge = upload.byte_size > inlineLimit;
  const query = useQuery({
    queryKey: ["text-upload", upload.upload_id],
    queryFn: ({ signal }) => fetchText(upload.upload_id, signal),
    // An upload's bytes never change.
    staleTime: Infinity,
    enabled: !tooLarge,
  });

  if (tooLarge) return <FileDownload upload={upload} />;
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading text" className="space-y-1.5 py-0.5">
        <Skeleton className="h-3.5 w-64 max-w-full" />
        <Skeleton className="h-3.5 w-48 max-w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <p className="text-sm text-red-800 dark:text-red-200">
        {query.error.message}{" "}
        <button
          type="button"
          onClick={() => void query.refetch()}
          className="rounded font-medium underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
        >
          Try again
        </button>
      </p>
    );
  }
  return <p className="whitespace-pre-wrap break-words text-sm leading-relaxed">{query.data}</p>;
}
