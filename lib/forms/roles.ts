/** Roles, weakest first. Client-safe: the header uses it to show what a user may open. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

/** Who does something, and from where: for audit events. */
export interface Actor {
  user: Pick<SessionUser, "id" | "email">;
  ip: string | null;
}
