// Runs on an event-loop thread (it awaits the database); the caller travels with the request.
module.exports = async function report(req, ctx) {
  const page = await ctx.db.notes.list({ count: true, limit: 1 });
  return { body: { notes: page.total, requested_by: ctx.user.id } };
};
