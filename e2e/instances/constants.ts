/** The two instances' ports (E2E_INSTANCE_PORTS="3202,3203"), apart from the main suite's. */
export const INSTANCE_PORTS = portsOf(process.env.E2E_INSTANCE_PORTS ?? "3101,3102");

function portsOf(text: string): [number, number] {
  const ports = text.split(",").map(Number);
  const [a, b] = ports;
  if (
    ports.length !== 2 ||
    a === undefined ||
    b === undefined ||
    a === b ||
    !ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)
  ) {
    throw new Error(`E2E_INSTANCE_PORTS must be two different ports, e.g. 3202,3203 (got "${text}")`);
  }
  return [a, b];
}
export const INSTANCES_DATA_DIR = ".e2e-instances";
export const instanceUrl = (port: number) => `http://127.0.0.1:${port}`;
export const INSTANCE_ADMIN = { email: "admin@instances.test", password: "instances admin password" } as const;
