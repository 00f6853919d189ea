// Free names in an ES module (strict code): assigning one the global object does not have is
// V8's ReferenceError, while one stored through `globalThis` can be read, assigned and updated
// bare until it is deleted.
// @request GET
export default function handler() {
  const out = {};
  try {
    moduleImplicit = 1;
    out.write = "no error";
  } catch (error) {
    out.write = `${error.name}: ${error.message}`;
  }
  out.afterFailedWrite = [typeof moduleImplicit, "moduleImplicit" in globalThis];

  globalThis.moduleShared = { n: 1 };
  moduleShared = { n: 2 };
  out.shared = moduleShared.n;
  moduleShared.n += 1;
  out.sharedAfter = globalThis.moduleShared.n;

  globalThis.moduleCount = 1;
  moduleCount += 4;
  moduleCount++;
  out.count = [moduleCount, globalThis.moduleCount];

  delete globalThis.moduleShared;
  try {
    out.afterDelete = moduleShared;
  } catch (error) {
    out.afterDelete = `${error.name}: ${error.message}`;
  }
  try {
    moduleShared = 3;
    out.writeAfterDelete = "no error";
  } catch (error) {
    out.writeAfterDelete = `${error.name}: ${error.message}`;
  }
  try {
    undefinedFunctionCall();
  } catch (error) {
    out.call = `${error.name}: ${error.message}`;
  }
  return out;
}
