/** A call template as the browser sees it: the body and its profile, never a secret. */
export interface TemplateView {
  id: string;
  name: string;
  profileId: string | null;
  profileName: string;
  /** False when its profile has been deleted. */
  profileExists: boolean;
  body: unknown;
  owner: string | null;
  updatedBy: string | null;
  updatedAt: string;
  /** Today's rules (startCallBodySchema) broken by the body, one line each; empty when it is valid. */
  problems: string[];
}
