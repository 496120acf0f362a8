// Every endpoint of the system API, in the order the OpenAPI document and `glow --help` list them.
// Each feature declares its own endpoints next to its schemas; this file only gathers them.
import { activityEndpoint } from "@/lib/activity/endpoints";
import { getAgentEndpoint, listAgentsEndpoint } from "@/lib/agents/endpoints";
import { accessHistoryEndpoint, listAuditEndpoint } from "@/lib/audit/endpoints";
import { dashboardEndpoint, followUpEndpoint } from "@/lib/dashboard/endpoints";
import { endEmulationEndpoint, startEmulationEndpoint } from "@/lib/emulation/endpoints";
import { exportEndpoint } from "@/lib/export/endpoints";
import { getGroupEndpoint, listGroupsEndpoint, pricingEndpoint } from "@/lib/groups/endpoints";
import { refreshEndpoint } from "@/lib/maintenance/endpoints";
import {
  audioDownloadEndpoint,
  fileDownloadEndpoint,
  imageDownloadEndpoint,
  textDownloadEndpoint,
  videoDownloadEndpoint,
} from "@/lib/media/endpoints";
import { ingestBatchEndpoint, ingestOtlpTracesEndpoint, ingestUploadEndpoint } from "@/lib/ingest/endpoints";
import { watchEndpoint } from "@/lib/live/endpoints";
import { problemsEndpoint, resolveProblemEndpoint } from "@/lib/problems/endpoints";
import { sessionEndpoint, sessionsEndpoint } from "@/lib/sessions/endpoints";
import { createTokenEndpoint, listTokensEndpoint, revokeTokenEndpoint } from "@/lib/tokens/endpoints";
import { createUserEndpoint, inviteUserEndpoint, listUsersEndpoint, updateUserEndpoint } from "@/lib/users/endpoints";
import type { Endpoint } from "./endpoint";

export const endpoints: readonly Endpoint[] = [
  activityEndpoint,
  dashboardEndpoint,
  followUpEndpoint,
  sessionsEndpoint,
  sessionEndpoint,
  getGroupEndpoint,
  listGroupsEndpoint,
  pricingEndpoint,
  listAgentsEndpoint,
  getAgentEndpoint,
  audioDownloadEndpoint,
  imageDownloadEndpoint,
  videoDownloadEndpoint,
  fileDownloadEndpoint,
  textDownloadEndpoint,
  exportEndpoint,
  refreshEndpoint,
  problemsEndpoint,
  resolveProblemEndpoint,
  startEmulationEndpoint,
  endEmulationEndpoint,
  listUsersEndpoint,
  createUserEndpoint,
  updateUserEndpoint,
  inviteUserEndpoint,
  listTokensEndpoint,
  createTokenEndpoint,
  revokeTokenEndpoint,
  listAuditEndpoint,
  accessHistoryEndpoint,
  ingestBatchEndpoint,
  ingestUploadEndpoint,
  ingestOtlpTracesEndpoint,
  watchEndpoint,
];
