"use client";

import { useId, useState } from "react";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { tokenScopeLabels } from "@/lib/format/labels";
import { defaultTokenLifetimeDays, tokenScope, type CreateTokenResponse } from "@/lib/tokens/schemas";
import { DialogFooter, primaryButtonClass, quietButtonClass, SettingsDialog } from "./settings-dialog";
import type { FilterOption as Option } from "@/lib/facets/prepare";
import { useSettingsMutation } from "./use-settings-mutation";
import { createTokenEndpoint } from "@/lib/tokens/endpoints";

const lifetimes = [7, 30, defaultTokenLifetimeDays, 180, 365];

/**
 * Creates a token, then shows it once: only its hash is kept, so closing the dialog loses it for
 * good. The list behind refreshes as soon as the token exists.
 */
export function CreateTokenDialog({ owners, currentProfileId }: { owners: Option[]; currentProfileId: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  const api = useSettingsMutation(createTokenEndpoint);
  const ids = { name: useId(), owner: useId(), expiry: useId() };
  const close = () => {
    setOpen(false);
    setCreated(null);
    api.reset();
  };

  return (
    <>
      <button type="button" className={primaryButtonClass} onClick={() => setOpen(true)}>
        Create token
      </button>
      <SettingsDialog open={open} onClose={close} title={created ? "Copy your new token" : "Create an API token"}>
        {created ? (
          <NewToken created={created} onDone={close} />
        ) : (
          <form
            className="space-y-4"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const answer = await api.send({
                name: String(form.get("name") ?? ""),
                profile_id: String(form.get("profile_id") ?? ""),
                expires_in_days: Number(form.get("expires_in_days")),
                scopes: tokenScope.options.filter((scope) => form.getAll("scopes").includes(scope)),
              });
              if (answer) setCreated(answer);
            }}
          >
            <label htmlFor={ids.name} className={labelClass}>
              Name
              <input id={ids.name} name="name" required maxLength={100} className={controlClass} placeholder="e.g. nightly cost report" />
            </label>
            {api.failure?.fields.name ? <FieldError text={api.failure.fields.name} /> : null}
            <label htmlFor={ids.owner} className={labelClass}>
              Acts as
              <select id={ids.owner} name="profile_id" defaultValue={currentProfileId} className={controlClass}>
                {owners.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.value === currentProfileId ? `${option.label} — me` : option.label}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={ids.expiry} className={labelClass}>
              Expires after
              <select id={ids.expiry} name="expires_in_days" defaultValue={defaultTokenLifetimeDays} className={controlClass}>
                {lifetimes.map((days) => (
                  <option key={days} value={days}>
                    {days} days
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium text-slate-700 dark:text-slate-200">It may</legend>
              {tokenScope.options.map((scope) => (
                <label key={scope} className="flex items-center gap-2">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} />
                  {tokenScopeLabels[scope]}
                </label>
              ))}
            </fieldset>
            {api.failure?.fields.scopes ? <FieldError text={api.failure.fields.scopes} /> : null}
            <DialogFooter failure={api.failure?.message} onCancel={close}>
              <button type="submit" className={primaryButtonClass} disabled={api.pending}>
                {api.pending ? "Creating…" : "Create token"}
              </button>
            </DialogFooter>
          </form>
        )}
      </SettingsDialog>
    </>
  );
}

function FieldError({ text }: { text: string }) {
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-300">
      {text}
    </p>
  );
}

function NewToken({ created, onDone }: { created: CreateTokenResponse; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const inputId = useId();
  return (
    <div className="space-y-4">
      <p
        role="status"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        Copy this token now: it is shown only once and cannot be recovered. Anyone holding it can use the API as {created.profile_name}.
      </p>
      <label htmlFor={inputId} className={labelClass}>
        Token “{created.name}”
        <input
          id={inputId}
          readOnly
          value={created.token}
          data-testid="new-token"
          onFocus={(event) => event.currentTarget.select()}
          className={`${controlClass} font-mono`}
        />
      </label>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span aria-live="polite" className="mr-auto text-sm text-slate-600 dark:text-slate-300">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying failed: select the token and copy it by hand." : ""}
        </span>
        <button
          type="button"
          className={quietButtonClass}
          onClick={() =>
            navigator.clipboard.writeText(created.token).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          Copy
        </button>
        <button type="button" className={primaryButtonClass} onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
