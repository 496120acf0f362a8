import { route, routeGet } from "@/lib/api/route";
import { downloadUpload } from "@/lib/media/download";
import { textDownloadEndpoint } from "@/lib/media/endpoints";

// GET (id in the query string) is for <audio>, <video> and <img>, which cannot POST.
export const POST = route(textDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "text", body.text_upload_id, request));
export const GET = routeGet(textDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "text", body.text_upload_id, request));
