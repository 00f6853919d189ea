// @request POST text:the cat and the hat and the bat
exports.handler = (req) => {
  const counts = {};
  for (const word of req.body.split(" ")) counts[word] = (counts[word] || 0) + 1;
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return { counts, top };
};
