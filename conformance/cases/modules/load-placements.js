// `require` and `import()` wherever a function can hold them: class fields and static
// accessors, methods, default parameters, getters, `try`/`finally`, async functions.
// @request GET
class Settings {
  static precision = require("../_helpers/math-utils.js").PRECISION;
  round = require("../_helpers/math-utils.js").round;
  static get sum() {
    return require("../_helpers/math-utils.js").sum;
  }
  lazy() {
    return import("../_helpers/esm-lazy.js");
  }
  get formatter() {
    return (value) => `${value.toFixed(Settings.precision)} units`;
  }
}

function withDefault(utils = require("../_helpers/math-utils.js")) {
  try {
    return utils.round(2.718, 1);
  } finally {
    require("../_helpers/math-utils.js");
  }
}

const holder = {
  get utils() {
    return require("../_helpers/math-utils.js");
  },
};

async function combined() {
  const ns = await import("../_helpers/esm-lazy.js");
  try {
    return require("../_helpers/math-utils.js").sum([ns.triple(1), 1]);
  } catch {
    return -1;
  }
}

module.exports = async () => {
  const settings = new Settings();
  const lazy = await settings.lazy();
  return {
    precision: Settings.precision,
    round: settings.round(1.234, 2),
    sum: Settings.sum([1, 2]),
    lazy: lazy.triple(2),
    withDefault: withDefault(),
    getter: holder.utils.PRECISION,
    viaGetter: [holder.utils.round(9.876, 1), settings.formatter(3)],
    combined: await combined(),
  };
};
