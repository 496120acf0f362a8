import { route } from "@/lib/api/route";
import { listTokensEndpoint } from "@/lib/tokens/endpoints";
import { listTokens } from "@/lib/tokens/queries";

export const POST = route(listTokensEndpoint, ({ body }) => listTokens(body));
