module.exports = (req) => {
  const cfg = { zero: 0, empty: "", f: false, n: null };
  return {
    zero: cfg.zero ?? 10, zeroOr: cfg.zero || 10, empty: cfg.empty ?? "d", f: cfg.f ?? true, n: cfg.n ?? "was null",
    missing: cfg.missing ?? "was undefined", chain: null ?? undefined ?? 0 ?? 5, mixed: (null || 0) ?? 7, paren: null ?? (0 || 3),
  };
};
