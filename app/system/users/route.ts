import { route } from "@/lib/api/route";
import { listUsersEndpoint } from "@/lib/users/endpoints";
import { listUsers } from "@/lib/users/queries";

export const POST = route(listUsersEndpoint, ({ body }) => listUsers(body));
