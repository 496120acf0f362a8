import { route } from "@/lib/api/route";
import { emulationCookie } from "@/lib/auth/emulation-cookie";
import { endEmulationEndpoint } from "@/lib/emulation/endpoints";
import { endEmulation } from "@/lib/emulation/mutations";
import { emulationResponse } from "@/lib/emulation/schemas";

export const POST = route(endEmulationEndpoint, async ({ actor, request, requestId }) => {
  const emulation = await endEmulation(actor, { headers: request.headers, requestId });
  const response = Response.json(emulationResponse.parse(emulation), { headers: { "Cache-Control": "no-store" } });
  response.headers.append("Set-Cookie", `${emulationCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  return response;
});
