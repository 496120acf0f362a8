import { route } from "@/lib/api/route";
import { refreshEndpoint } from "@/lib/maintenance/endpoints";
import { refreshSummaries } from "@/lib/maintenance/mutations";

export const POST = route(refreshEndpoint, () => refreshSummaries());
