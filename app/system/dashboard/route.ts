import { route } from "@/lib/api/route";
import { dashboardEndpoint } from "@/lib/dashboard/endpoints";
import { getDashboard } from "@/lib/dashboard/queries";

export const POST = route(dashboardEndpoint, ({ body, actor }) => getDashboard(actor, body));
