export default function () {
  const calls = [];
  const out = "a1b22c".replace(/([a-z])(\d*)/g, (match, letter, digits, offset, whole) => {
    calls.push([match, letter, digits, offset, whole.length]);
    return digits ? letter.toUpperCase().repeat(digits.length) : "_";
  });
  const named = "k=v".replace(/(?<k>\w)=(?<v>\w)/, (...args) => JSON.stringify(args));
  const camel = "background-color-red".replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const snake = "someVariableName".replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
  return { out, calls, named, camel, snake, undefinedGroup: "ab".replace(/a(x)?/, (m, x) => String(x)) };
}
