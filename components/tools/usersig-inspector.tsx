"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { UserSigReport } from "@/lib/forms/usersig-report";
import { lookupErrorCode } from "@/lib/tencent/error-catalog";

interface ProfileChoice {
  id: string;
  name: string;
  sdkAppId: number;
  adminIdentifier: string;
}

function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const parts = [
    [Math.floor(abs / 86_400), "d"],
    [Math.floor((abs % 86_400) / 3600), "h"],
    [Math.floor((abs % 3600) / 60), "min"],
  ].filter(([n]) => (n as number) > 0);
  return parts.length === 0 ? `${abs} s` : parts.map(([n, unit]) => `${n} ${unit}`).join(" ");
}

export function UserSigInspector({
  profiles,
  action,
}: {
  profiles: ProfileChoice[];
  action: Action<{ userSig: string; profileId?: string }, UserSigReport>;
}) {
  const inspect = useAction(action, { failure: "could not be inspected" });
  const { pending } = inspect;
  const report = inspect.error ? null : (inspect.data ?? null);
  const errors = inspect.formError ? { userSig: [inspect.formError] } : inspect.fieldErrors;
  return (
    <Card>
      <CardTitle>Inspect a UserSig</CardTitle>
      <form
        aria-label="Inspect a UserSig"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          inspect.run({ userSig: String(data.get("userSig") ?? ""), profileId: String(data.get("profileId") ?? "") });
        }}
      >
        <Field
          id="userSig"
          label="UserSig"
          hint="Decoded without any key. Paste it as it appears in a URL or a log."
          errors={errors.userSig}
        >
          <Textarea id="userSig" name="userSig" rows={3} spellCheck={false} invalid={!!errors.userSig} />
        </Field>
        <Field
          id="verify-profile"
          label="Verify against"
          hint="The profile's key checks the signature on the server; the key never reaches this page."
          errors={errors.profileId}
        >
          <Select id="verify-profile" name="profileId" defaultValue="">
            <option value="">Decode only</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sdkAppId}, {p.adminIdentifier})
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Inspecting…" : "Inspect"}
        </Button>
      </form>

      {report ? (
        <div className="mt-5 space-y-3" data-testid="usersig-report" aria-live="polite">
          {report.malformed ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              Not a readable UserSig: {report.malformed}. The Call Engine would answer 70003.
            </p>
          ) : null}
          {report.decoded ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              <dt className="font-mono text-slate-500">TLS.identifier</dt>
              <dd className="font-mono">{report.decoded.identifier}</dd>
              <dt className="font-mono text-slate-500">TLS.sdkappid</dt>
              <dd className="font-mono">{report.decoded.sdkAppId}</dd>
              <dt className="text-slate-500">Issued</dt>
              <dd>
                <LocalTime iso={new Date(report.decoded.time * 1000).toISOString()} />{" "}
                <span className="font-mono text-xs">({report.decoded.time})</span>
              </dd>
              <dt className="text-slate-500">Expires</dt>
              <dd>
                <LocalTime iso={new Date(report.decoded.expiresAt * 1000).toISOString()} /> (valid {duration(report.decoded.expire)})
              </dd>
              <dt className="text-slate-500">Time left</dt>
              <dd data-testid="usersig-time-left" className={report.decoded.secondsLeft < 0 ? "font-medium text-red-700" : ""}>
                {report.decoded.secondsLeft >= 0
                  ? duration(report.decoded.secondsLeft)
                  : `expired ${duration(report.decoded.secondsLeft)} ago`}
              </dd>
              <dt className="font-mono text-slate-500">TLS.ver</dt>
              <dd className="font-mono">{report.decoded.version}</dd>
            </dl>
          ) : null}
          {report.verdict ? (
            report.verdict.ok ? (
              <p data-testid="usersig-verdict" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
                {report.verdict.message}
              </p>
            ) : (
              <div data-testid="usersig-verdict" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                <p className="font-medium">
                  {lookupErrorCode(report.verdict.errorCode).title}: the Call Engine would answer {report.verdict.errorCode}.
                </p>
                <p>{report.verdict.message}.</p>
                <p>{lookupErrorCode(report.verdict.errorCode).action}</p>
              </div>
            )
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

export function UserSigGenerator({
  profiles,
  action,
}: {
  profiles: ProfileChoice[];
  action: Action<{ profileId: string; identifier: string; expireSeconds: unknown }, { userSig: string; expiresAt: string }>;
}) {
  const generate = useAction(action, { failure: "The UserSig could not be generated." });
  const { pending } = generate;
  const errors = generate.formError ? { ...generate.fieldErrors, profileId: [generate.formError] } : generate.fieldErrors;
  const made = generate.error ? null : (generate.data ?? null);
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? "");
  const profile = profiles.find((p) => p.id === profileId);
  return (
    <Card>
      <CardTitle>Generate a UserSig</CardTitle>
      <form
        aria-label="Generate a UserSig"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          generate.run({
            profileId,
            identifier: String(data.get("identifier") ?? ""),
            expireSeconds: String(data.get("expireSeconds") ?? ""),
          });
        }}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="gen-profile" label="Profile" errors={errors.profileId}>
            <Select id="gen-profile" value={profileId} onChange={(e) => setProfileId(e.target.value)}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sdkAppId})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="gen-identifier"
            label="identifier"
            hint="The admin for REST calls, or any UserID for a client."
            errors={errors.identifier}
          >
            <Input key={profileId} id="gen-identifier" name="identifier" defaultValue={profile?.adminIdentifier ?? "administrator"} />
          </Field>
          <Field id="gen-expire" label="expire (seconds)" hint="60 s to 180 days." errors={errors.expireSeconds}>
            <Input id="gen-expire" name="expireSeconds" inputMode="numeric" defaultValue="86400" invalid={!!errors.expireSeconds} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Signing…" : "Generate"}
        </Button>
      </form>
      {made ? (
        <div data-testid="generated-usersig" className="mt-4 space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">
            Shown once; valid until <LocalTime iso={made.expiresAt} />. Anyone holding it can act as this identifier.
          </p>
          <p className="flex items-start gap-2">
            <code className="break-all text-xs">{made.userSig}</code>
            <CopyButton text={made.userSig} />
          </p>
        </div>
      ) : null}
    </Card>
  );
}
