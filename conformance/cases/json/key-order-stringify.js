export default function () {
  const o = {};
  o.z = 1;
  o[5] = 2;
  o.a = 3;
  o[1] = 4;
  o["b"] = 5;
  delete o.z;
  o.z = 6;
  return { text: JSON.stringify(o), parsedBack: JSON.stringify(JSON.parse('{"z":1,"5":2,"a":3,"1":4}')) };
}
