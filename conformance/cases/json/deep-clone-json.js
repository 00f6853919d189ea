function handler() {
  const original = { date: new Date(0), list: [1, { x: undefined }], nested: { n: NaN } };
  const copy = JSON.parse(JSON.stringify(original));
  copy.list[1].y = 2;
  return { copy, original, dateType: typeof copy.date };
}
