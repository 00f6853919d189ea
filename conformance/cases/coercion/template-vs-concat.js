// Template literals use ToString; + uses ToPrimitive (valueOf first).
function handler() {
  const v = { valueOf() { return 1; }, toString() { return "str"; } };
  const d = new Date(0);
  return { template: `${v}`, plus: "" + v, concat: "".concat(v), arrayJoin: [v].join(), dateTemplate: `${d}` === String(d), datePlusIsString: typeof ("" + d), dateMinus: d - 0 };
}
