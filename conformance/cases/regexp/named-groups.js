module.exports = () => {
  const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
  const m = "Date: 2024-03-15.".match(re);
  return {
    groups: { ...m.groups },
    year: m.groups.year,
    index: m.index,
    replaced: "2024-03-15".replace(re, "$<day>/$<month>/$<year>"),
    fnReplaced: "2024-03-15".replace(re, (...args) => { const g = args[args.length - 1]; return `${g.month}.${g.day}`; }),
    optional: [..."ab".matchAll(/(?<x>a)|(?<y>b)/g)].map((mm) => ({ ...mm.groups })),
    noGroups: "x".match(/x/).groups,
  };
};
