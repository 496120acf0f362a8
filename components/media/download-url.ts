import type { GroupUpload } from "@/lib/groups/prepare";

/**
 * The GET variant of an upload's download endpoint: what <img>, <audio> and <video> can load (with
 * the session cookie), and what lets the players seek through range requests.
 */
export function downloadUrl(kind: GroupUpload["kind"], uploadId: string): string {
  return `/system/${kind}_download?${kind}_upload_id=${encodeURIComponent(uploadId)}`;
}
