// An ES module without a default export, required from CommonJS.
export const b = 2;
export function a() {
  return "a";
}
