import { route } from "@/lib/api/route";
import { getAgentEndpoint } from "@/lib/agents/endpoints";
import { getAgent } from "@/lib/agents/queries";

export const POST = route(getAgentEndpoint, ({ body, actor }) => getAgent(actor, body));
