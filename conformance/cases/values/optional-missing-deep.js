// @request GET
// @request POST {"user": {"profile": {"name": "Ada"}}}
// @request POST {"user": null}
function handler(req) {
  const body = req.body;
  return {
    name: body?.user?.profile?.name ?? "anonymous",
    hasUser: body?.user !== undefined,
    userType: typeof body?.user,
    count: body?.user?.tags?.length,
  };
}
