import { route, routeGet } from "@/lib/api/route";
import { downloadUpload } from "@/lib/media/download";
import { audioDownloadEndpoint } from "@/lib/media/endpoints";

// GET (id in the query string) is for <audio>, <video> and <img>, which cannot POST.
export const POST = route(audioDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "audio", body.audio_upload_id, request));
export const GET = routeGet(audioDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "audio", body.audio_upload_id, request));
