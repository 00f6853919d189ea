export default function () {
  const text = '{"created":"2024-01-02T03:04:05.000Z","n":"5","list":[1,2,3],"drop":true}';
  const seen = [];
  const parsed = JSON.parse(text, (key, value) => {
    seen.push(key);
    if (key === "drop") return undefined;
    if (key === "created") return new Date(value).getTime();
    if (typeof value === "number") return value * 2;
    return value;
  });
  return { parsed, seen };
}
