import { route } from "@/lib/api/route";
import { watchEndpoint } from "@/lib/live/endpoints";
import { openWatch } from "@/lib/live/watch";

export const POST = route(watchEndpoint, ({ body, actor, request, requestId }) =>
  openWatch(actor, body, request, { headers: request.headers, requestId }),
);
