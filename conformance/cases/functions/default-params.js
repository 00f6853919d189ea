export default function () {
  function greet(name = "world", greeting = `Hello, ${name}`) { return greeting + "!"; }
  function order(a, b = a * 2, c = a + b) { return [a, b, c]; }
  let count = 0;
  const counted = (x = ++count) => x;
  return [greet(), greet("Ada"), greet(undefined, "Hi"), greet(null), order(1), order(1, undefined, 0), counted(), counted(), counted(10), count];
}
