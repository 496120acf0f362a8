// Words for people for the user enums (client-safe).
import type { z } from "zod";
import type { accessLevel, taRole } from "@/lib/api/common-schemas";
import type { UserStatus } from "./schemas";

export const accessLevelLabels: Record<z.infer<typeof accessLevel>, string> = {
  admin: "Admin",
  coordinator: "Coordinator",
  ta: "TA",
};

export const taRoleLabels: Record<z.infer<typeof taRole>, string> = {
  head_ta: "Head TA",
  graduate_ta: "Graduate TA",
  undergraduate_ta: "Undergraduate TA",
};

export const userStatusLabels: Record<UserStatus, string> = {
  active: "Active",
  invited: "Invited",
  disabled: "Disabled",
};
