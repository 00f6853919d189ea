function handler() {
  const a = [1, 2];
  const b = [3];
  return { merged: [...a, ...b], withValues: [0, ...a, 2.5, ...b, 4], copy: [...a], fromString: [..."ab"], fromSet: [...new Set([1, 1, 2])], fromMap: [...new Map([[1, "a"]])], nested: [...[[1]], ...[[2]]], max: Math.max(...a, ...b) };
}
