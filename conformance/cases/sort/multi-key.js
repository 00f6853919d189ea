function handler() {
  const rows = [["smith", "john", 40], ["doe", "jane", 30], ["smith", "anna", 25], ["doe", "adam", 30], ["brown", "zoe", 50]];
  rows.sort((a, b) => a[0].localeCompare(b[0]) || b[2] - a[2] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return rows;
}
