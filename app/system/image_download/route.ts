import { route, routeGet } from "@/lib/api/route";
import { downloadUpload } from "@/lib/media/download";
import { imageDownloadEndpoint } from "@/lib/media/endpoints";

// GET (id in the query string) is for <audio>, <video> and <img>, which cannot POST.
export const POST = route(imageDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "image", body.image_upload_id, request));
export const GET = routeGet(imageDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "image", body.image_upload_id, request));
