module.exports = () => {
  const scores = {};
  for (const id of [30, 5, 100, 7]) scores[id] = id * 2;
  scores.name = "x";
  scores["-5"] = 1;
  return { entries: Object.entries(scores), keys: Object.keys(scores) };
};
