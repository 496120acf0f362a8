import { route } from "@/lib/api/route";
import { sessionsEndpoint } from "@/lib/sessions/endpoints";
import { listSessions } from "@/lib/sessions/queries";

export const POST = route(sessionsEndpoint, ({ body, actor }) => listSessions(actor, body));
