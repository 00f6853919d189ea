// What a handler can observe of timer handles and of wrong arguments.
module.exports = async function () {
  const handle = setTimeout(() => {}, 1);
  const interval = setInterval(() => {}, 1000);
  clearInterval(interval);
  let thrown;
  try {
    setTimeout("not a function", 1);
  } catch (error) {
    thrown = `${error.name}: ${error.message}`;
  }
  const value = await new Promise((resolve) => setTimeout(resolve, 1, "resolved by a timer"));
  return {
    type: typeof handle,
    intervalType: typeof interval,
    same: handle === interval,
    cleared: clearTimeout(handle),
    thrown,
    value,
  };
};
