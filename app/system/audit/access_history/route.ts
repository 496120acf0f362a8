import { route } from "@/lib/api/route";
import { accessHistoryCsv, csvResponse } from "@/lib/audit/access-history";
import { accessHistoryEndpoint } from "@/lib/audit/endpoints";

export const POST = route(accessHistoryEndpoint, async ({ body, actor, request, requestId }) => {
  const { filename, csv } = await accessHistoryCsv(actor, body, { headers: request.headers, requestId });
  return csvResponse(filename, csv);
});
