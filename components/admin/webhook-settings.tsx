"use client";

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
  const [url, setUrl] = useState(defaultUrl);
  const [commands, setCommands] = useState<CallbackCommand[]>([...CALLBACK_COMMANDS]);
  const config = useAction(action, { failure: "The webhook settings could not be changed." });
  const { pending, error } = config;
  const last = config.data && config.variables ? { operation: config.variables.operation, result: config.data } : null;
  const run = (operation: "get" | "set" | "delete") =>
    config.run(operation === "set" ? { profileId, operation, url, commands } : { profileId, operation });

  return (
    <div className="space-y-4" data-testid="webhook-settings">
      <Field id="webhook-url" label="Url" hint="Where the Call Engine posts events. This console's receiver is the default.">
        <Input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-mono font-medium text-slate-900">CallbackCommandList</legend>
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
          Show current
        </Button>
        <Button type="button" disabled={pending} onClick={() => run("set")}>
          Save webhook
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={() => run("delete")}>
          Delete webhook
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
              Current: <span className="font-mono">{last.result.config.Url}</span> for{" "}
              <span className="font-mono text-xs">{last.result.config.CallbackCommandList.join(", ")}</span>
            </p>
          ) : last.result.attempt.outcome === "ok" ? (
            <p>{last.operation === "set" ? "Saved." : last.operation === "delete" ? "Deleted." : "Done."}</p>
          ) : null}
          {last.result.attempt.outcome !== "ok" ? <Explanation attempt={last.result.attempt} /> : null}
        </div>
      ) : null}
    </div>
  );
}
