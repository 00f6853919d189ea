export default function () {
  const d = new Date(Date.UTC(2021, 11, 25, 8, 30));
  return { toJSON: d.toJSON(), inObject: { created: d }, inArray: [d, new Date(0)], stringify: JSON.stringify({ d }), iso: d.toISOString() === d.toJSON() };
}
