import { route } from "@/lib/api/route";
import { pricingEndpoint } from "@/lib/groups/endpoints";
import { getPricing } from "@/lib/groups/queries";

export const POST = route(pricingEndpoint, ({ body, actor }) => getPricing(actor, body));
