import { route } from "@/lib/api/route";
import { problemsEndpoint } from "@/lib/problems/endpoints";
import { listProblems } from "@/lib/problems/queries";

export const POST = route(problemsEndpoint, ({ body, actor }) => listProblems(actor, body));
