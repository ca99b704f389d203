"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import { ROLES, type Role } from "@/lib/forms/roles";
interface Link {
  url: string;
  expiresAt: string;
}

export interface UserRowView {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  invited: boolean;
  createdAt: string;
}

function OneTimeLink({ link, label }: { link: Link; label: string }) {
  const t = useTranslations("admin.users");
  return (
    <div data-testid="one-time-link" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">
        {t.rich("oneTime", { label, time: () => <LocalTime iso={link.expiresAt} withSeconds={false} /> })}
      </p>
      <p className="flex min-w-0 items-center gap-2">
        <code className="break-all text-xs">{link.url}</code>
        <CopyButton text={link.url} />
      </p>
    </div>
  );
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

type Confirmation = { kind: "role"; user: UserRowView; role: Role } | { kind: "disable"; user: UserRowView };

type NewUser = { email: string; role: Role; mode: "invite" | "password"; password?: string };

export function CreateUserForm({ action }: { action: Action<NewUser, { id: string; invite: Link | null }> }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [mode, setMode] = useState<"invite" | "password">("invite");
  const create = useAction(action, {
    failure: t("users.createFailure"),
    onSuccess: () => {
      toast.success(t("users.created"));
      router.refresh();
    },
  });
  const { pending } = create;
  const errors = create.formError ? { ...create.fieldErrors, email: [create.formError] } : create.fieldErrors;
  const invite = create.data?.invite ?? null;
  return (
    <form
      aria-label={t("users.newUser")}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const text = (name: string) => String(data.get(name) ?? "");
        create.run(
          { email: text("email"), role: text("role") as Role, mode, password: mode === "password" ? text("password") : undefined },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="new-email" label={t("users.email")} errors={errors.email}>
          <Input id="new-email" name="email" type="email" invalid={!!errors.email} />
        </Field>
        <Field id="new-role" label={t("users.role")} errors={errors.role}>
          <Select id="new-role" name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-900">{t("users.password")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={mode === "invite"} onChange={() => setMode("invite")} /> {t("users.invite")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={mode === "password"} onChange={() => setMode("password")} /> {t("users.setNow")}
          </label>
        </fieldset>
        {mode === "password" ? (
          <Field id="new-password" label={t("users.initialPassword")} errors={errors.password}>
            <Input id="new-password" name="password" type="password" autoComplete="new-password" invalid={!!errors.password} />
          </Field>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("users.creating") : t("users.create")}
      </Button>
      {invite ? <OneTimeLink link={invite} label={t("users.invite")} /> : null}
    </form>
  );
}

export function UsersTable({
  users,
  me,
  actions,
}: {
  users: UserRowView[];
  me: string;
  actions: {
    changeRole: Action<{ userId: string; role: Role }, null>;
    setDisabled: Action<{ userId: string; disabled: boolean }, null>;
    resetLink: Action<{ userId: string }, Link>;
  };
}) {
  const t = useTranslations("admin");
  const router = useRouter();
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };
  const refused = (message: string) => toast.error(message);
  const emailOf = (userId: string) => users.find((u) => u.id === userId)?.email ?? t("users.theUser");
  const changeRole = useAction(actions.changeRole, {
    failure: t("users.roleFailure"),
    onRefusal: refused,
    onSuccess: (_data, input) => done(t("users.roleChanged", { email: emailOf(input.userId), role: t(`roles.${input.role}`) })),
  });
  const setDisabled = useAction(actions.setDisabled, {
    failure: t("users.changeFailure"),
    onRefusal: refused,
    onSuccess: (_data, input) => done(t(input.disabled ? "users.disabled" : "users.enabled", { email: emailOf(input.userId) })),
  });
  const resetLink = useAction(actions.resetLink, {
    failure: t("users.linkFailure"),
    onRefusal: refused,
    onSuccess: () => done(t("users.linkCreated")),
  });
  const pending = changeRole.pending || setDisabled.pending || resetLink.pending;
  // Role changes and disabling wait for a confirmation that names the user and the change.
  const [confirm, setConfirm] = useState<Confirmation | null>(null);
  const confirmed = () => {
    if (!confirm) return;
    if (confirm.kind === "role") changeRole.run({ userId: confirm.user.id, role: confirm.role });
    else setDisabled.run({ userId: confirm.user.id, disabled: true });
    setConfirm(null);
  };
  const link = resetLink.data && resetLink.variables ? { email: emailOf(resetLink.variables.userId), link: resetLink.data } : null;
  return (
    <div className="space-y-4">
      {link ? <OneTimeLink link={link.link} label={t("users.passwordLinkFor", { email: link.email })} /> : null}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === "role" ? t("users.roleTitle") : t("users.disableTitle")}
        description={
          confirm?.kind === "role" ? (
            <p>
              {t.rich("users.roleBody", {
                email: confirm.user.email,
                from: t(`roles.${confirm.user.role}`),
                to: t(`roles.${confirm.role}`),
                b: strong,
              })}
            </p>
          ) : confirm ? (
            <p>{t.rich("users.disableBody", { email: confirm.user.email, b: strong })}</p>
          ) : null
        }
        confirmLabel={confirm?.kind === "role" ? t("users.make", { role: t(`roles.${confirm.role}`) }) : t("users.disable")}
        danger={confirm?.kind === "disable"}
        onConfirm={confirmed}
        onCancel={() => setConfirm(null)}
      />
      <DataTable
        label={t("users.table")}
        columns={[
          { label: t("users.email") },
          { label: t("users.role") },
          { label: t("users.status") },
          { label: t("users.createdAt") },
          { label: t("users.actions") },
        ]}
      >
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-100" data-testid="user-row">
            <td className="px-3 py-2">
              {u.email} {u.id === me ? <span className="text-xs text-slate-500">{t("users.you")}</span> : null}
            </td>
            <td className="px-3 py-2">
              <label className="sr-only" htmlFor={`role-${u.id}`}>
                {t("users.roleOf", { email: u.email })}
              </label>
              <Select
                id={`role-${u.id}`}
                className="w-32 py-1"
                value={u.role}
                disabled={pending}
                onChange={(event) => setConfirm({ kind: "role", user: u, role: event.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </Select>
            </td>
            <td className="px-3 py-2">{t(`users.state.${u.disabled ? "disabled" : u.invited ? "invited" : "active"}`)}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <LocalTime iso={u.createdAt} withSeconds={false} />
            </td>
            <td className="flex flex-wrap gap-2 px-3 py-2">
              <Button
                type="button"
                variant="secondary"
                className="py-1"
                disabled={pending}
                onClick={() => (u.disabled ? setDisabled.run({ userId: u.id, disabled: false }) : setConfirm({ kind: "disable", user: u }))}
              >
                {u.disabled ? t("users.enable") : t("users.disable")}
              </Button>
              <Button type="button" variant="secondary" className="py-1" disabled={pending} onClick={() => resetLink.run({ userId: u.id })}>
                {t("users.passwordLink")}
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
