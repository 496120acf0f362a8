// Pure shaping for the sessions pages (client-safe): the words of the timeline and durations. Every
// wording decision lives here, unit-tested.
import { formatCompact, formatDuration, formatInteger } from "@/lib/format/numbers";
import { problemKindLabel, problemSeverityLabel } from "@/lib/format/labels";
import type { SessionTimelineItem } from "./schemas";

export type TimelineEventType = SessionTimelineItem["event_type"];
export type TimelineTone = "neutral" | "indigo" | "green" | "red" | "amber";

export interface TimelineEventView {
  /** What happened, e.g. "Run finished on gpt-4o · 1.2K tokens". */
  title: string;
  /** The thing it happened to (session title, chat, group, agent, problem description). */
  subject: string | null;
  tone: TimelineTone;
  /** Where the entity can be opened, when the dashboard has a page for it. */
  href: string | null;
}

function tokenPhrase(raw: string | null): string | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const count = Number(raw);
  return `${formatCompact(count)} ${count === 1 ? "token" : "tokens"}`;
}

const onModel = (model: string | null) => (model ? ` on ${model}` : "");
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");

/** The sentence a person reads for one timeline event, from its type and extra_1/extra_2. */
export function describeTimelineEvent(event: SessionTimelineItem): TimelineEventView {
  const { extra_1: extra1, extra_2: extra2, entity_name: subject } = event;
  switch (event.event_type) {
    case "session_started":
      return { title: "Session started", subject, tone: "indigo", href: null };
    case "session_ended":
      return { title: "Session ended", subject, tone: "neutral", href: null };
    case "chat_started":
      return { title: extra1 ? `Chat started with ${extra1}` : "Chat started", subject, tone: "indigo", href: null };
    case "attempt_started":
      return { title: "Attempt started", subject, tone: "neutral", href: null };
    case "attempt_scored":
      return { title: extra1 ? `Attempt scored ${extra1} / 100` : "Attempt scored", subject, tone: "green", href: null };
    case "group_created":
      return { title: "Generation group created", subject, tone: "neutral", href: `/groups/${event.entity_id}` };
    case "run_started":
      return { title: `Run started${onModel(extra1)}`, subject, tone: "neutral", href: null };
    case "run_finished":
      return { title: joined(`Run finished${onModel(extra1)}`, tokenPhrase(extra2)), subject, tone: "green", href: null };
    case "run_failed":
      return { title: joined(`Run failed${onModel(extra1)}`, extra2), subject, tone: "red", href: null };
    case "run_cancelled":
      return { title: joined(`Run cancelled${onModel(extra1)}`, extra2), subject, tone: "amber", href: null };
    case "problem_flagged":
      return {
        title: joined(
          extra1 ? `Problem flagged: ${problemKindLabel(extra1)}` : "Problem flagged",
          extra2 ? `${problemSeverityLabel(extra2).toLowerCase()} severity` : null,
        ),
        subject,
        tone: "red",
        href: null,
      };
    case "problem_resolved":
      return { title: extra1 ? `Problem resolved by ${extra1}` : "Problem resolved", subject, tone: "green", href: null };
  }
}

/** Long timelines first show this many events, so the page stays fast; the rest on request. */
export const timelinePreviewSize = 200;

export function visibleTimeline<T>(events: readonly T[], showAll: boolean, limit = timelinePreviewSize): T[] {
  return showAll ? [...events] : events.slice(0, limit);
}

/**
 * How long the session lasted: start to end when it ended, start to its last update (so far) while
 * it is active. Null when the dates are missing or out of order.
 */
export function sessionDuration(session: {
  session_created_at: string | null;
  session_updated_at: string | null;
  ended_at: string | null;
}): { text: string; ongoing: boolean } | null {
  if (!session.session_created_at) return null;
  const start = Date.parse(session.session_created_at);
  const endIso = session.ended_at ?? session.session_updated_at;
  if (!endIso) return null;
  const milliseconds = Date.parse(endIso) - start;
  if (!(milliseconds >= 0)) return null;
  return { text: formatDuration(milliseconds), ongoing: session.ended_at === null };
}

/** "1 / 3": open problems of all flagged, with the sentence a screen reader says. */
export function problemCountText(open: number, total: number): { short: string; long: string } {
  return {
    short: `${formatInteger(open)} / ${formatInteger(total)}`,
    long: `${formatInteger(open)} open of ${formatInteger(total)} ${total === 1 ? "problem" : "problems"}`,
  };
}

/** "+4 min 12 s into the session", "at the start"; null without a start or for earlier events. */
export function elapsedSince(startIso: string | null, iso: string): string | null {
  if (!startIso) return null;
  const milliseconds = Date.parse(iso) - Date.parse(startIso);
  if (!(milliseconds >= 0)) return null;
  if (milliseconds < 1000) return "at the start";
  return `+${formatDuration(milliseconds)} into the session`;
}
