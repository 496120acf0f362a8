import { endpoints } from "@/lib/contract/endpoints";
import { openApiDocument } from "@/lib/openapi/document";

// The contract is public (it holds no data), so the document needs no token: tools can fetch it.
export function GET(): Response {
  return Response.json(openApiDocument(endpoints), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
