function handler() {
  const re = /(\w+)=(\d+)/g;
  const text = "a=1, bb=22, ccc=333";
  const found = [];
  let m;
  while ((m = re.exec(text)) !== null) {
    found.push({ key: m[1], value: Number(m[2]), index: m.index, lastIndex: re.lastIndex });
  }
  return { found, finalLastIndex: re.lastIndex };
}
