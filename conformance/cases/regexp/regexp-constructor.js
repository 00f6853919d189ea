exports.handler = () => {
  const term = "a.b*c";
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(escaped, "g");
  const fromRe = new RegExp(/abc/gi, "m");
  let err;
  try { new RegExp("(unclosed"); } catch (e) { err = `${e.name}: ${e.message}`; }
  let flagErr;
  try { new RegExp("a", "gg"); } catch (e) { flagErr = `${e.name}: ${e.message}`; }
  return { escaped, matches: "a.b*c a-b-c a.b*c".match(re), source: re.source, fromRe: [fromRe.source, fromRe.flags], str: String(re), err, flagErr, emptySource: new RegExp("").source, slash: new RegExp("a/b").source };
};
