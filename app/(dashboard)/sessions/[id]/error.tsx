"use client";

import { RouteError } from "@/components/ui/route-error";

export default function SessionError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="This session" {...props} />;
}
