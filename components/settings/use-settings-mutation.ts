"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

interface ApiFailure {
  message: string;
  /** By top-level body field ("scoped_department_ids.2" counts as scoped_department_ids). */
  fields: FieldErrors;
}

/**
 * POSTs to one of the settings endpoints (/system/users/*, /system/tokens/*) with the session cookie. On success the server
 * components re-render (router.refresh), so the table shows the change; failures keep the API's
 * message and its per-field issues for the form.
 */
export function useSettingsMutation<Result extends z.ZodType>(path: string, response: Result) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  async function send(body: Record<string, unknown>): Promise<z.infer<Result> | null> {
    setPending(true);
    setFailure(null);
    try {
      const answer = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const json = (await answer.json().catch(() => null)) as unknown;
      if (!answer.ok) {
        const error = (json as { error?: { message?: string; issues?: { field: string; message: string }[] } } | null)?.error;
        const fields: FieldErrors = {};
        for (const issue of error?.issues ?? []) {
          const field = issue.field.split(".")[0] ?? "";
          if (field && !fields[field]) fields[field] = issue.message;
        }
        setFailure({ message: error?.message ?? `The server answered ${answer.status}.`, fields });
        return null;
      }
      router.refresh();
      return response.parse(json);
    } catch {
      setFailure({ message: "The server could not be reached. Check your connection and try again.", fields: {} });
      return null;
    } finally {
      setPending(false);
    }
  }

  return { send, pending, failure, reset: () => setFailure(null) };
}
