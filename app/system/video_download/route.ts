import { route, routeGet } from "@/lib/api/route";
import { downloadUpload } from "@/lib/media/download";
import { videoDownloadEndpoint } from "@/lib/media/endpoints";

// GET (id in the query string) is for <audio>, <video> and <img>, which cannot POST.
export const POST = route(videoDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "video", body.video_upload_id, request));
export const GET = routeGet(videoDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "video", body.video_upload_id, request));
