// Top-level code runs once at load; handlers see its results.
// @request GET
// @request GET
const initLog = [];
initLog.push("loaded");
const table = Array.from({ length: 5 }, (_, i) => i * i);
initLog.push(`table ${table.length}`);
let requests = 0;
module.exports = () => {
  requests++;
  return { initLog, table, requests };
};
