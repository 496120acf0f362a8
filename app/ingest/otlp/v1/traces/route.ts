import { route } from "@/lib/api/route";
import { ingestOtlpTracesEndpoint } from "@/lib/ingest/endpoints";
import { ingestOtlpTraces } from "@/lib/ingest/otlp/ingest";

export const POST = route(ingestOtlpTracesEndpoint, ({ body, actor, request, requestId }) =>
  ingestOtlpTraces(actor, body, { headers: request.headers, requestId }),
);
