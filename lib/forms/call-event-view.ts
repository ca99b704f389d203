/** A webhook event as the timeline shows it. */
export interface CallEventView {
  id: string;
  receivedAt: string;
  /** EventTime (ms) when the event carried one. */
  eventTime: number | null;
  kind: "started" | "member-changed" | "ended" | "unknown";
  command: string;
  mediaType: string | null;
  members: { account: string; status: string | null }[];
  changes: { account: string; action: string }[];
  callResult: string | null;
  problems: string[];
  payload: string;
}
