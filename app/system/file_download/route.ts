import { route, routeGet } from "@/lib/api/route";
import { downloadUpload } from "@/lib/media/download";
import { fileDownloadEndpoint } from "@/lib/media/endpoints";

// GET (id in the query string) is for <audio>, <video> and <img>, which cannot POST.
export const POST = route(fileDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "file", body.file_upload_id, request));
export const GET = routeGet(fileDownloadEndpoint, ({ body, actor, request }) => downloadUpload(actor, "file", body.file_upload_id, request));
