// Calling something that is not a function throws Node's TypeError messages.
function handler() {
  const messages = [];
  const obj = { notFn: 1, nested: {} };
  const attempts = [
    () => obj.notFn(), () => obj.missing(), () => obj.nested.deep(), () => { const f = 5; f(); },
    () => undefined.x, () => null.y, () => { const u = undefined; return u.length; }, () => obj.missing.prop,
    () => [].missingMethod(), () => "str".nope(), () => new (() => 1)(), () => obj.nested.deep.deeper,
  ];
  for (const attempt of attempts) {
    try { attempt(); messages.push("no error"); } catch (e) { messages.push(`${e.constructor.name}: ${e.message}`); }
  }
  return messages;
}
