import { route } from "@/lib/api/route";
import { followUpEndpoint } from "@/lib/dashboard/endpoints";
import { getFollowUp } from "@/lib/dashboard/queries";

export const POST = route(followUpEndpoint, ({ body, actor }) => getFollowUp(actor, body));
