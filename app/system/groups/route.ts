import { route } from "@/lib/api/route";
import { listGroupsEndpoint } from "@/lib/groups/endpoints";
import { listGroups } from "@/lib/groups/queries";

export const POST = route(listGroupsEndpoint, ({ body, actor }) => listGroups(actor, body));
