import { route } from "@/lib/api/route";
import { listAuditEndpoint } from "@/lib/audit/endpoints";
import { listAudit } from "@/lib/audit/queries";

export const POST = route(listAuditEndpoint, ({ body }) => listAudit(body));
