import { route } from "@/lib/api/route";
import { revokeTokenEndpoint } from "@/lib/tokens/endpoints";
import { revokeToken } from "@/lib/tokens/mutations";

export const POST = route(revokeTokenEndpoint, ({ body, actor, request, requestId }) =>
  revokeToken(actor, body, { headers: request.headers, requestId }),
);
