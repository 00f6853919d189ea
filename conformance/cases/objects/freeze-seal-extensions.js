// seal / preventExtensions / isSealed / isExtensible, and built-ins that always throw on frozen values.
module.exports = () => {
  const sealed = Object.seal({ a: 1 });
  sealed.a = 2;
  sealed.b = 3;
  delete sealed.a;
  const closed = Object.preventExtensions({ a: 1 });
  closed.a = 5;
  closed.z = 1;
  delete closed.a;
  const frozenArr = Object.freeze([1, 2, 3]);
  frozenArr[0] = 9;
  frozenArr.length = 0;
  const attempt = (f) => { try { f(); return "ok"; } catch (e) { return `${e.name}: ${e.message}`; } };
  const frozen = Object.freeze({ a: 1 });
  const sealedArr = Object.seal([1, 2]);
  return {
    sealed, closed, frozenArr,
    checks: [Object.isSealed(sealed), Object.isFrozen(sealed), Object.isExtensible(sealed), Object.isExtensible(closed), Object.isSealed(closed), Object.isFrozen(closed)],
    emptyClosed: [Object.isFrozen(Object.preventExtensions({})), Object.isSealed(Object.preventExtensions({}))],
    primitives: [Object.isFrozen(1), Object.isSealed("s"), Object.isExtensible(1), Object.freeze(5)],
    fresh: [Object.isFrozen({}), Object.isExtensible({}), Object.isFrozen(() => 1), Object.isExtensible(function () {})],
    arrayMethods: [attempt(() => frozenArr.pop()), attempt(() => frozenArr.shift()), attempt(() => frozenArr.unshift(0)), attempt(() => frozenArr.splice(0, 1)), attempt(() => frozenArr.sort()), attempt(() => frozenArr.reverse()), attempt(() => frozenArr.fill(0)), attempt(() => frozenArr.map((x) => x * 2).length)],
    sealedArray: [attempt(() => sealedArr.push(3)), attempt(() => sealedArr.pop()), attempt(() => { sealedArr[0] = 7; }), sealedArr],
    assign: [attempt(() => Object.assign(frozen, { a: 2 })), attempt(() => Object.assign(frozen, { b: 2 })), attempt(() => Object.assign(sealed, { a: 9 })), sealed],
    nestedStillMutable: (() => { const o = Object.freeze({ inner: { v: 1 } }); o.inner.v = 2; return o; })(),
  };
};
