// The order in which lazily required modules evaluate.
module.exports = [];
