// An ES module with a default export, required from CommonJS (Node 20's `require(esm)`).
export const name = "config";
export const limits = { max: 3 };
export default function describe() {
  return `${name} (max ${limits.max})`;
}
