import { routeRawBody } from "@/lib/api/route";
import { ingestUploadEndpoint } from "@/lib/ingest/endpoints";
import { ingestUpload } from "@/lib/ingest/upload";

export const POST = routeRawBody(ingestUploadEndpoint, ({ body, actor, request, requestId }) =>
  ingestUpload(actor, body, request, { headers: request.headers, requestId }),
);
