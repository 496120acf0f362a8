import { route } from "@/lib/api/route";
import { listAgentsEndpoint } from "@/lib/agents/endpoints";
import { listAgents } from "@/lib/agents/queries";

export const POST = route(listAgentsEndpoint, ({ body, actor }) => listAgents(actor, body));
