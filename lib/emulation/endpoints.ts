import { defineEndpoint } from "@/lib/contract/endpoint";
import { emulationResponse, endEmulationRequest, startEmulationRequest } from "./schemas";

export const startEmulationEndpoint = defineEndpoint({
  command: "emulation start",
  path: "/system/emulation/start",
  summary: "Start viewing the dashboard as a TA sees it (admins, signed in through the browser)",
  description:
    "Records the emulation and sets the `glow-emulation` cookie: until it ends, the dashboard and the API answer as the TA would see them, every read is audited as the admin on behalf of the TA, and nothing can be changed. Only TAs can be emulated.",
  tag: "Access",
  body: startEmulationRequest,
  response: emulationResponse,
  access: ["admin"],
  mutates: true,
});

export const endEmulationEndpoint = defineEndpoint({
  command: "emulation end",
  path: "/system/emulation/end",
  summary: "End the current emulation",
  description: "Records the end of the emulation and clears its cookie. Answers 404 when no emulation is running.",
  tag: "Access",
  body: endEmulationRequest,
  response: emulationResponse,
  // While emulating, the caller appears as the TA: the emulation itself says who may end it.
  access: ["admin", "coordinator", "ta"],
});
