function handler() {
  const dict = Object.create(null);
  dict.a = 1;
  dict.b = 2;
  return { keys: Object.keys(dict), json: JSON.stringify(dict), noToString: typeof dict.toString, proto: Object.getPrototypeOf(dict) === null };
}
