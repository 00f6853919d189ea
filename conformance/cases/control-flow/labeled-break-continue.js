exports.handler = () => {
  const pairs = [];
  outer: for (let i = 0; i < 4; i++) {
    inner: for (let j = 0; j < 4; j++) {
      if (j === i) continue outer;
      if (i === 3) break outer;
      if (j > 2) break inner;
      pairs.push(`${i}${j}`);
    }
  }
  let found = null;
  search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
    for (const v of row) {
      if (v === 4) { found = v; break search; }
    }
  }
  block: {
    if (found) break block;
    found = "unreachable";
  }
  let count = 0;
  loop: while (true) { do { count++; if (count > 3) break loop; continue loop; } while (false); }
  return { pairs, found, count };
};
