import { route } from "@/lib/api/route";
import { createTokenEndpoint } from "@/lib/tokens/endpoints";
import { createToken } from "@/lib/tokens/mutations";

export const POST = route(createTokenEndpoint, ({ body, actor, request, requestId }) =>
  createToken(actor, body, { headers: request.headers, requestId }),
);
