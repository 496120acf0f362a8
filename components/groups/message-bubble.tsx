import { FileDownload } from "@/components/media/file-download";
import { ImageUpload } from "@/components/media/image-upload";
import { MediaPlayer } from "@/components/media/media-player";
import { TextUpload } from "@/components/media/text-upload";
import { formatUtc } from "@/lib/format/dates";
import { roleLabel, timeOfDay, type GroupMessage, type GroupUpload, type MessageRole } from "@/lib/groups/prepare";
import { ToolCalls } from "./tool-calls";

// The TA (user) speaks from the right, the persona (assistant) and tools from the left, the system
// prompt across the whole width: the shape of a chat, with the role also written out for everyone.
const layouts: Record<MessageRole, { row: string; bubble: string; label: string }> = {
  system: {
    row: "justify-center",
    bubble: "w-full border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800/60",
    label: "text-slate-700 dark:text-slate-200",
  },
  user: {
    row: "justify-end",
    bubble: "max-w-[85%] border-indigo-200 bg-indigo-50 dark:border-indigo-800 dark:bg-indigo-950",
    label: "text-indigo-800 dark:text-indigo-200",
  },
  assistant: {
    row: "justify-start",
    bubble: "max-w-[85%] border-emerald-200 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950",
    label: "text-emerald-800 dark:text-emerald-200",
  },
  tool: {
    row: "justify-start",
    bubble: "max-w-[85%] border-amber-200 bg-amber-50 font-mono dark:border-amber-800 dark:bg-amber-950",
    label: "text-amber-900 dark:text-amber-200",
  },
};

// Carried-over context is muted by colour and a dashed border, not opacity, so its text keeps its contrast.
const carriedOver = "border-dashed border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-900";

export function MessageBubble({
  message,
  uploads,
  carried_over,
  agentName,
}: {
  message: GroupMessage;
  uploads: Record<string, GroupUpload>;
  carried_over: boolean;
  /** The run's agent, who speaks as the assistant. */
  agentName?: string;
}) {
  const layout = layouts[message.role];
  const pick = (ids: string[]) => ids.map((id) => uploads[id]).filter((upload): upload is GroupUpload => !!upload);
  const label = roleLabel(message.role, agentName);
  const media = [...pick(message.audio_upload_ids), ...pick(message.video_upload_ids)];
  const images = pick(message.image_upload_ids);
  const files = pick(message.file_upload_ids);
  const empty = message.text_upload_ids.length + media.length + images.length + files.length + message.calls.length === 0;

  return (
    <div className={`flex ${layout.row}`}>
      <article
        aria-label={`${label}, message ${message.position + 1}${carried_over ? ", carried-over context" : ""}`}
        data-role={message.role}
        data-position={message.position}
        className={`min-w-0 rounded-lg border px-3 py-2 ${carried_over ? `${carriedOver} ${message.role === "system" ? "w-full" : "max-w-[85%]"}` : layout.bubble}`}
      >
        <header className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs">
          <span className={`font-semibold ${carried_over ? "text-slate-700 dark:text-slate-200" : layout.label}`}>{label}</span>
          <span className="text-slate-600 dark:text-slate-300">#{message.position + 1}</span>
          <time dateTime={message.created_at} title={formatUtc(message.created_at)} className="text-slate-600 dark:text-slate-300">
            {timeOfDay(message.created_at)}
          </time>
          {carried_over ? <span className="text-slate-600 italic dark:text-slate-300">earlier context</span> : null}
        </header>
        <div className="space-y-2 font-sans">
          {pick(message.text_upload_ids).map((upload) => (
            <TextUpload key={upload.upload_id} upload={upload} />
          ))}
          {images.length ? (
            <div className="flex flex-wrap gap-2">
              {images.map((upload) => (
                <ImageUpload key={upload.upload_id} upload={upload} />
              ))}
            </div>
          ) : null}
          {media.map((upload) => (
            <MediaPlayer key={upload.upload_id} upload={upload} />
          ))}
          {files.length ? (
            <div className="flex flex-wrap gap-2">
              {files.map((upload) => (
                <FileDownload key={upload.upload_id} upload={upload} />
              ))}
            </div>
          ) : null}
          {empty ? <p className="text-sm text-slate-600 italic dark:text-slate-300">No content</p> : null}
        </div>
        <ToolCalls calls={message.calls} />
      </article>
    </div>
  );
}
