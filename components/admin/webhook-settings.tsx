"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Explanation } from "@/components/outcome/explanation";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { CallbackConfigView } from "@/lib/forms/call-record-view";
import { CALLBACK_COMMANDS, type CallbackCommand } from "@/lib/tencent/webhooks";

type Result = { attempt: AttemptView; config: CallbackConfigView | null };
type Input =
  { profileId: string; operation: "get" | "delete" } | { profileId: string; operation: "set"; url: string; commands: CallbackCommand[] };

/** The API's field for the events to post: a name, the same in every language. */
const COMMANDS_FIELD = "CallbackCommandList";

/** get_callback, set_callback and delete_callback for one profile. */
export function WebhookSettings({
  profileId,
  defaultUrl,
  action,
}: {
  profileId: string;
  defaultUrl: string;
  action: Action<Input, Result>;
}) {
  const t = useTranslations("admin.webhook");
  const [url, setUrl] = useState(defaultUrl);
  const [commands, setCommands] = useState<CallbackCommand[]>([...CALLBACK_COMMANDS]);
  const config = useAction(action, { failure: t("failure") });
  const { pending, error } = config;
  const last = config.data && config.variables ? { operation: config.variables.operation, result: config.data } : null;
  const run = (operation: "get" | "set" | "delete") =>
    config.run(operation === "set" ? { profileId, operation, url, commands } : { profileId, operation });

  return (
    <div className="space-y-4" data-testid="webhook-settings">
      <Field id="webhook-url" label={t("url")} hint={t("urlHint")}>
        <Input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-mono font-medium text-slate-900">{COMMANDS_FIELD}</legend>
        {CALLBACK_COMMANDS.map((c) => (
          <label key={c} className="flex items-center gap-2 font-mono text-xs">
            <input
              type="checkbox"
              checked={commands.includes(c)}
              onChange={(e) => setCommands((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))}
            />
            {c}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run("get")}>
          {t("show")}
        </Button>
        <Button type="button" disabled={pending} onClick={() => run("set")}>
          {t("save")}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={() => run("delete")}>
          {t("delete")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {last ? (
        <div data-testid="webhook-result" className="space-y-2 text-sm">
          {last.result.config ? (
            <p>
              {t.rich("current", {
                url: last.result.config.Url,
                commands: last.result.config.CallbackCommandList.join(", "),
                mono: (c) => <span className="font-mono">{c}</span>,
                list: (c) => <span className="font-mono text-xs">{c}</span>,
              })}
            </p>
          ) : last.result.attempt.outcome === "ok" ? (
            <p>{t(last.operation === "set" ? "saved" : last.operation === "delete" ? "deleted" : "done")}</p>
          ) : null}
          {last.result.attempt.outcome !== "ok" ? <Explanation attempt={last.result.attempt} /> : null}
        </div>
      ) : null}
    </div>
  );
}
