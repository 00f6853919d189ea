module.exports = () => {
  const out = [];
  for (const { id, tags: [tag = "untagged"] = [] } of [{ id: 1, tags: ["a"] }, { id: 2 }]) out.push(`${id}-${tag}`);
  for (const [key, value] of Object.entries({ x: 1, y: 2 })) out.push(key + value);
  for (const [k, v] of new Map([["m", 1]])) out.push(`${k}=${v}`);
  for (const [i, ch] of [..."ab"].entries()) out.push(i + ch);
  return out;
};
