import { route } from "@/lib/api/route";
import { sessionEndpoint } from "@/lib/sessions/endpoints";
import { getSessionDetail } from "@/lib/sessions/queries";

export const POST = route(sessionEndpoint, ({ body, actor }) => getSessionDetail(actor, body));
