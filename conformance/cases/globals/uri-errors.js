module.exports = () => {
  const out = [];
  for (const f of [() => decodeURIComponent("%"), () => decodeURIComponent("%E0%A4%A"), () => encodeURIComponent("\ud800"), () => decodeURI("%C0%80"), () => decodeURIComponent("%ZZ")]) {
    try { out.push(f()); } catch (e) { out.push(`${e.name}: ${e.message}`); }
  }
  return out;
};
