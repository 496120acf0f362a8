import { route } from "@/lib/api/route";
import { prisma } from "@/lib/db";
import { exportEndpoint } from "@/lib/export/endpoints";
import { exportResponse, startExport } from "@/lib/export/start-export";
import { ExportCancelledError } from "@/lib/export/zip-writer";
import { mediaStore } from "@/lib/storage/media-store";

export const POST = route(exportEndpoint, async ({ body, actor, request, requestId }) => {
  const started = await startExport(actor, body, { db: prisma, store: mediaStore(), requestId, headers: request.headers });
  // Headers are gone by the time a streamed export fails: the client sees a truncated download.
  started.done.catch((error: unknown) => {
    if (error instanceof ExportCancelledError) console.warn(`[${requestId}] export cancelled by the client`);
    else console.error(`[${requestId}] export failed`, error);
  });
  return exportResponse(started);
});
