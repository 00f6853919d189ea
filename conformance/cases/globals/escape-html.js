function handler() {
  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: `<p>${escapeHtml(`<script>alert("x & y")</script>`)}</p>` };
}
