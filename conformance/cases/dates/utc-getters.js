exports.handler = () => {
  const d = new Date("2024-12-31T23:59:58.123Z");
  return {
    utc: [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()],
    local: [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()],
    offset: d.getTimezoneOffset(),
    time: d.getTime(),
    valueOf: d.valueOf(),
  };
};
