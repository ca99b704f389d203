import { redirect } from "next/navigation";
import { guardPage } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/forms/roles";

export default async function Home() {
  const user = await guardPage("/");
  redirect(roleAtLeast(user.role, "operator") ? "/calls/new" : "/history");
}
