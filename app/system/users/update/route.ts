import { route } from "@/lib/api/route";
import { updateUserEndpoint } from "@/lib/users/endpoints";
import { updateUser } from "@/lib/users/mutations";

export const POST = route(updateUserEndpoint, ({ body, actor, request, requestId }) =>
  updateUser(actor, body, { headers: request.headers, requestId }),
);
