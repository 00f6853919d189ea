// An ES module loaded with `import()`.
export const loadedAt = "dynamic";
export function triple(x) {
  return x * 3;
}
