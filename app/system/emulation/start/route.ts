import { route } from "@/lib/api/route";
import { emulationCookie } from "@/lib/auth/emulation-cookie";
import { startEmulationEndpoint } from "@/lib/emulation/endpoints";
import { startEmulation } from "@/lib/emulation/mutations";
import { emulationResponse } from "@/lib/emulation/schemas";

export const POST = route(startEmulationEndpoint, async ({ body, actor, request, requestId }) => {
  const emulation = await startEmulation(actor, body, { headers: request.headers, requestId });
  const response = Response.json(emulationResponse.parse(emulation), { headers: { "Cache-Control": "no-store" } });
  response.headers.append("Set-Cookie", `${emulationCookie}=${emulation.emulation_id}; Path=/; HttpOnly; SameSite=Lax`);
  return response;
});
