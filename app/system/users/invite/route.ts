import { route } from "@/lib/api/route";
import { publicBaseUrl } from "@/lib/users/base-url";
import { inviteUserEndpoint } from "@/lib/users/endpoints";
import { reinviteUser } from "@/lib/users/mutations";

export const POST = route(inviteUserEndpoint, ({ body, actor, request, requestId }) =>
  reinviteUser(actor, body, publicBaseUrl(request), { headers: request.headers, requestId }),
);
