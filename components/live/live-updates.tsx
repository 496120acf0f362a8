"use client";
// Keeps a server-rendered page current: when an event it cares about arrives, the page's data is
// fetched again (router.refresh keeps scroll and input), at most once per `minIntervalMs`. Shows the
// connection's state so nobody mistakes a stale page for a quiet one.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { LiveEventType, WatchRequest } from "@/lib/live/schemas";
import { useLiveEvents, type LiveStatus } from "./use-live-events";

const labels: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  paused: "Live updates paused",
};

const dots: Record<LiveStatus, string> = {
  connecting: "bg-slate-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500",
  paused: "bg-slate-400",
};

export function LiveUpdates({
  filter,
  refreshOn,
  minIntervalMs = 1_000,
}: {
  filter: WatchRequest;
  refreshOn: LiveEventType[];
  minIntervalMs?: number;
}) {
  const router = useRouter();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);

  const status = useLiveEvents({ ...filter, types: refreshOn }, () => {
    if (pending.current) return;
    const wait = Math.max(0, lastRefresh.current + minIntervalMs - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      lastRefresh.current = Date.now();
      router.refresh();
    }, wait);
  });
  return <LiveIndicator status={status} />;
}

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-live-status={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:border-slate-700 dark:text-slate-200"
      title={status === "live" ? "New runs and events appear here as they happen" : undefined}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${dots[status]} ${status === "live" ? "motion-safe:animate-pulse" : ""}`} />
      {labels[status]}
    </span>
  );
}
