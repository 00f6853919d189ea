// @request GET
function handler() {
  return { status: 200, headers: null, body: "headers null is fine" };
}
