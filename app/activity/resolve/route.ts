import { route } from "@/lib/api/route";
import { resolveProblemEndpoint } from "@/lib/problems/endpoints";
import { resolveProblem } from "@/lib/problems/mutations";

export const POST = route(resolveProblemEndpoint, ({ body, actor, request, requestId }) =>
  resolveProblem(actor, body, { headers: request.headers, requestId }),
);
