// @route /{id}
// @request GET /5?x=1
module.exports = (req) => ({ keys: Object.keys(req).sort(), pathParams: req.path_params, query: req.query_params, noBody: req.body === undefined });
