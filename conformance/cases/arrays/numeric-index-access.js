"use strict";
// Element reads and writes whose key is a number the compiler can prove (numeric locals and
// arithmetic): on arrays with holes, past the end, far past the end, frozen arrays, strings,
// plain objects and functions, with negative, fractional, NaN and -0 keys.
module.exports = () => {
  const log = [];
  const grid = [];
  for (let i = 0; i < 6; i++) grid[i * 2] = i; // every other slot: holes in between
  let sum = 0;
  for (let i = 0; i < grid.length + 2; i++) sum += grid[i] === undefined ? 100 : grid[i];
  log.push(["grid", grid.length, sum, 1 in grid, Object.keys(grid).join()]);

  const far = [1, 2, 3];
  let big = 70000;
  far[big + 3] = "far"; // beyond the dense gap: a sparse tail
  log.push(["far", far.length, far[big + 3], far[big], Object.keys(far).length]);

  const odd = ["a", "b", "c"];
  let minus = -1;
  let half = 1.5;
  let nan = 0 / 0;
  let negZero = -0;
  odd[minus] = "neg";
  odd[half] = "half";
  odd[nan] = "nan";
  odd[negZero] = "zero";
  log.push(["odd", odd.length, odd[0], odd[minus], odd[half], odd[nan], Object.keys(odd).join()]);

  const text = "héllo";
  const chars = [];
  for (let i = -1; i <= text.length; i++) chars.push(text[i]);
  log.push(["text", chars.map(String).join("|")]);

  const table = { 0: "zero", 1.5: "one and a half", "-1": "minus one" };
  let one = 1;
  log.push(["object", table[one - 1], table[one + 0.5], table[-one], table[one * 7]]);

  const frozen = Object.freeze([10, 20]);
  let slot = 1;
  try {
    frozen[slot] = 99;
  } catch (error) {
    log.push(["frozen", error.constructor.name, error.message, frozen[slot]]);
  }
  try {
    frozen[slot + 1] = 99;
  } catch (error) {
    log.push(["frozen-append", error.message, frozen.length]);
  }

  function named() {}
  let zero = 0;
  named[zero] = "on a function";
  log.push(["function", named[zero], named["0"]]);

  const matrix = [];
  const size = 3;
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) matrix[row * size + col] = row - col;
  let trace = 0;
  for (let k = 0; k < size; k++) trace += matrix[k * size + k] + matrix[k * size + (size - 1 - k)];
  log.push(["matrix", matrix.join(), trace]);
  return log;
};
