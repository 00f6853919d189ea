function handler() {
  const d = new Date(Date.UTC(2024, 0, 15, 12, 30));
  return { number: +d, minus: d - new Date(Date.UTC(2024, 0, 1)), json: JSON.stringify(d), compare: d > new Date(0), equalDates: new Date(5).getTime() === new Date(5).getTime(), sameRef: new Date(5) == new Date(5) };
}
