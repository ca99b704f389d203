import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserForm, UsersTable } from "@/components/admin/users-admin";
import { Card, CardTitle } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { listUsersWithInvitation } from "@/lib/db/users";
import { ROLES } from "@/lib/forms/roles";
import { changeUserRoleAction, createUserAction, issueResetLinkAction, setUserDisabledAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await guardPage("/admin/users");
  const db = await getDb();
  const users = await listUsersWithInvitation(db);
  const t = await getTranslations("admin.users");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <ul className="mt-1 text-sm text-slate-600">
          {ROLES.map((role) => (
            <li key={role}>{t(`roleHelp.${role}`)}</li>
          ))}
        </ul>
      </header>
      <UsersTable
        me={me.id}
        users={users.map((u) => ({
          id: u.id,
          email: u.email,
          role: u.role,
          disabled: u.disabled_at !== null,
          invited: u.invited,
          createdAt: u.created_at,
        }))}
        actions={{ changeRole: changeUserRoleAction, setDisabled: setUserDisabledAction, resetLink: issueResetLinkAction }}
      />
      <Card>
        <CardTitle>{t("newUser")}</CardTitle>
        <CreateUserForm action={createUserAction} />
      </Card>
    </div>
  );
}
