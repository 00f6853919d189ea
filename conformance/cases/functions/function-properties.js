module.exports = () => {
  function area(w, h) { return w * h; }
  area.unit = "m2";
  const anon = [function () {}][0];
  return { name: area.name, length: area.length, unit: area.unit, typeof: typeof area, anonName: anon.name, arrowName: ((x) => x).name, methodName: { run() {} }.run.name, boundName: area.bind(null).name, bound: area.bind(null, 3)(4) };
};
