exports.handler = () => {
  let counter = 0;
  const v = void counter++;
  return { v: v === undefined, counter, typeofVoid: typeof void 0, typeofTypeof: typeof typeof 1, undeclared: typeof notDefinedAnywhere, fnResult: typeof (() => {})() };
};
