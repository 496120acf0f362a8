import { endpointGetUrl } from "@/lib/contract/api-client";
import type { GroupUpload } from "@/lib/groups/prepare";
import { downloadEndpoints } from "@/lib/media/endpoints";

/**
 * The GET variant of an upload's download endpoint: what <img>, <audio> and <video> can load (with
 * the session cookie), and what lets the players seek through range requests.
 */
export function downloadUrl(kind: GroupUpload["kind"], uploadId: string): string {
  return endpointGetUrl(downloadEndpoints[kind], { [`${kind}_upload_id`]: uploadId });
}
