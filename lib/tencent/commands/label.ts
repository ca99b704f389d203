/**
 * Short label for lists: the part after the service. Apart from the registry
 * (index.ts) so that a component showing labels does not bring every command's
 * schemas, and Zod, to the browser.
 */
export function commandLabel(command: string): string {
  return command.split("/").pop() ?? command;
}
