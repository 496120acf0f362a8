import { route } from "@/lib/api/route";
import { publicBaseUrl } from "@/lib/users/base-url";
import { createUserEndpoint } from "@/lib/users/endpoints";
import { createUser } from "@/lib/users/mutations";

export const POST = route(createUserEndpoint, ({ body, actor, request, requestId }) =>
  createUser(actor, body, publicBaseUrl(request), { headers: request.headers, requestId }),
);
