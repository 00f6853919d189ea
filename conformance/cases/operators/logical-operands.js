// && and || return one of their operands, not a boolean.
function handler() {
  return [
    1 && 2, 0 && 2, "" && "x", null && 1, 1 || 2, 0 || 2, "" || "fallback", null || undefined, undefined || null,
    NaN || 0, "a" && "b" && "c", 0 || "" || null, 1 && 0 && 2, !1, !!"", !![], true && { o: 1 }, false || [1],
  ];
}
