import { getActivity } from "@/lib/activity/queries";
import { activityEndpoint } from "@/lib/activity/endpoints";
import { route } from "@/lib/api/route";

export const POST = route(activityEndpoint, ({ body, actor }) => getActivity(actor, body));
