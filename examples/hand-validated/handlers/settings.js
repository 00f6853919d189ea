// PUT /settings with { notify: boolean, theme: "light" | "dark", page_size: 10..50 }.
const settings = { notify: true, theme: "light", page_size: 20 };

module.exports = function updateSettings(req) {
  const body = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { status: 400, body: { error: "invalid_body", message: "send a JSON object" } };
  }
  if (typeof body.notify !== "boolean") {
    return { status: 422, body: { error: "invalid_notify", message: "notify must be true or false" } };
  }
  if (!["light", "dark"].includes(body.theme)) {
    return { status: 422, body: { error: "invalid_theme", message: "theme must be light or dark" } };
  }
  if (!Number.isInteger(body.page_size) || body.page_size < 10 || body.page_size > 50) {
    return { status: 422, body: { error: "invalid_page_size", message: "page_size must be a whole number between 10 and 50" } };
  }
  settings.notify = body.notify;
  settings.theme = body.theme;
  settings.page_size = body.page_size;
  return { body: settings };
};
