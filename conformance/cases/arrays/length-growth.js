// `length` growth and truncation, writes far past the end and V8's length errors.
module.exports = () => {
  const errors = [];
  const attempt = (f) => { try { return f(); } catch (e) { errors.push(`${e.name}: ${e.message}`); } };
  const big = [1, 2];
  big.length = 4294967295;
  const past = [];
  past[4294967295] = "named";
  attempt(() => { const a = []; a.length = -1; });
  attempt(() => { const a = []; a.length = 1.5; });
  attempt(() => new Array(4294967296));
  attempt(() => new Array(-1));
  attempt(() => { const a = []; a.length = 4294967295; a.push(1); });
  const shrink = [1, 2, 3, 4];
  shrink.length = 1;
  shrink.length = 3;
  const huge = new Array(1e9);
  huge[5] = "five";
  const popped = [1, 2];
  popped.length = 4;
  const pop = popped.pop();
  const grown = [1];
  grown[70000] = "far";
  grown[3] = "near";
  return {
    bigLength: big.length, bigLast: big[4294967294], bigKeys: Object.keys(big), bigIndexOf: big.indexOf(2),
    bigSome: big.some((v) => v === 2), bigIn: [1 in big, 2 in big, 4294967294 in big],
    pastLength: past.length, pastKeys: Object.keys(past), pastJson: JSON.stringify(past),
    shrink, shrinkKeys: Object.keys(shrink), hugeLength: huge.length, hugeKeys: Object.keys(huge),
    hugeIn: [5 in huge, 4 in huge], hugeFind: huge.indexOf("five"), hugeAt: [huge.at(5), huge.at(-1)],
    pop, poppedLength: popped.length, poppedKeys: Object.keys(popped),
    grown: [grown.length, Object.keys(grown), grown.indexOf("far"), grown.includes(undefined)],
    errors,
  };
};
