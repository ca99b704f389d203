"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import type { ActionResult, FieldErrors } from "@/lib/forms/action-result";
import { ROLES, type Role } from "@/lib/forms/roles";

type Act<T> = (input: unknown) => Promise<ActionResult<T>>;
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
  return (
    <div data-testid="one-time-link" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">
        {label} (shown once; valid until <LocalTime iso={link.expiresAt} withSeconds={false} />
        ):
      </p>
      <p className="flex items-center gap-2">
        <code className="break-all text-xs">{link.url}</code>
        <CopyButton text={link.url} />
      </p>
    </div>
  );
}

export function CreateUserForm({ action }: { action: Act<{ id: string; invite: Link | null }> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [mode, setMode] = useState<"invite" | "password">("invite");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [invite, setInvite] = useState<Link | null>(null);
  return (
    <form
      aria-label="New user"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        startTransition(async () => {
          const result = await action({
            email: data.email,
            role: data.role,
            mode,
            password: mode === "password" ? data.password : undefined,
          });
          if (!result.ok) {
            setErrors(result.fieldErrors ?? (result.formError ? { email: [result.formError] } : {}));
            return;
          }
          setErrors({});
          setInvite(result.data.invite);
          form.reset();
          toast.success("User created.");
          router.refresh();
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="new-email" label="Email" errors={errors.email}>
          <Input id="new-email" name="email" type="email" invalid={!!errors.email} />
        </Field>
        <Field id="new-role" label="Role" errors={errors.role}>
          <Select id="new-role" name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-900">Password</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={mode === "invite"} onChange={() => setMode("invite")} /> Invitation link
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={mode === "password"} onChange={() => setMode("password")} /> Set one now
          </label>
        </fieldset>
        {mode === "password" ? (
          <Field id="new-password" label="Initial password" errors={errors.password}>
            <Input id="new-password" name="password" type="password" autoComplete="new-password" invalid={!!errors.password} />
          </Field>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
      {invite ? <OneTimeLink link={invite} label="Invitation link" /> : null}
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
  actions: { changeRole: Act<null>; setDisabled: Act<null>; resetLink: Act<Link> };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<{ email: string; link: Link } | null>(null);
  const run = <T,>(promise: () => Promise<ActionResult<T>>, success: string, after?: (data: T) => void) =>
    startTransition(async () => {
      const result = await promise();
      if (!result.ok) {
        toast.error(
          result.formError ??
            Object.values(result.fieldErrors ?? {})
              .flat()
              .join(" ") ??
            "Refused.",
        );
        return;
      }
      toast.success(success);
      after?.(result.data);
      router.refresh();
    });
  return (
    <div className="space-y-4">
      {link ? <OneTimeLink link={link.link} label={`Password link for ${link.email}`} /> : null}
      <DataTable columns={[{ label: "Email" }, { label: "Role" }, { label: "Status" }, { label: "Created" }, { label: "Actions" }]}>
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-100" data-testid="user-row">
            <td className="px-3 py-2">
              {u.email} {u.id === me ? <span className="text-xs text-slate-500">(you)</span> : null}
            </td>
            <td className="px-3 py-2">
              <label className="sr-only" htmlFor={`role-${u.id}`}>
                Role of {u.email}
              </label>
              <Select
                id={`role-${u.id}`}
                className="w-32 py-1"
                defaultValue={u.role}
                disabled={pending}
                onChange={(event) =>
                  run(() => actions.changeRole({ userId: u.id, role: event.target.value }), `${u.email} is now ${event.target.value}.`)
                }
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </td>
            <td className="px-3 py-2">{u.disabled ? "disabled" : u.invited ? "invited" : "active"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <LocalTime iso={u.createdAt} withSeconds={false} />
            </td>
            <td className="flex gap-2 px-3 py-2">
              <Button
                type="button"
                variant="secondary"
                className="py-1"
                disabled={pending}
                onClick={() =>
                  run(
                    () => actions.setDisabled({ userId: u.id, disabled: !u.disabled }),
                    u.disabled ? `${u.email} enabled.` : `${u.email} disabled; their sessions ended.`,
                  )
                }
              >
                {u.disabled ? "Enable" : "Disable"}
              </Button>
              <Button
                type="button"
                variant="secondary"
                className="py-1"
                disabled={pending}
                onClick={() =>
                  run(
                    () => actions.resetLink({ userId: u.id }),
                    "Link created.",
                    (data) => setLink({ email: u.email, link: data }),
                  )
                }
              >
                Password link
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
