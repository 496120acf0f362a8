import { route } from "@/lib/api/route";
import { getGroupEndpoint } from "@/lib/groups/endpoints";
import { getGroup } from "@/lib/groups/queries";

export const POST = route(getGroupEndpoint, ({ body, actor }) => getGroup(actor, body));
