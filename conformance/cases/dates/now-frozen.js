// Date.now() and new Date() both answer the frozen instant.
function handler() {
  const now = new Date();
  return { now: Date.now(), iso: now.toISOString(), json: now, same: now.getTime() === Date.now(), type: typeof Date.now() };
}
