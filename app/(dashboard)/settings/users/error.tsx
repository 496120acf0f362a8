"use client";

import { RouteError } from "@/components/ui/route-error";

export default function UsersError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The users" {...props} />;
}
