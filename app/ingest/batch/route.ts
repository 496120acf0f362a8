import { route } from "@/lib/api/route";
import { ingestBatch } from "@/lib/ingest/batch";
import { ingestBatchEndpoint } from "@/lib/ingest/endpoints";

export const POST = route(ingestBatchEndpoint, ({ body, actor, request, requestId }) =>
  ingestBatch(actor, body, { headers: request.headers, requestId }),
);
