/** The Call Engine REST commands, as `<service>/<command>` paths under /v4/. */
export const COMMANDS = {
  startCallByRobot: "call_engine_http_srv/start_call_by_robot",
  endCall: "call_engine_http_srv/end_call",
  getCallInfo: "call_engine_http_srv/get_call_info",
  getRecordByCallId: "call_record_http_srv/get_record_by_callid",
  getRecordByFilter: "call_record_http_srv/get_record_by_filter",
  setCallback: "call_config/set_callback",
  getCallback: "call_config/get_callback",
  deleteCallback: "call_config/delete_callback",
} as const;

export type Command = (typeof COMMANDS)[keyof typeof COMMANDS];

export const COMMAND_LIST = Object.values(COMMANDS) as Command[];

export function isCommand(value: string): value is Command {
  return (COMMAND_LIST as string[]).includes(value);
}

/** Short label for lists: the part after the service. */
export function commandLabel(command: string): string {
  return command.split("/").pop() ?? command;
}
