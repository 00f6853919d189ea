// @request GET ?2=two&b=bee&1=one&a=ay
module.exports = (req) => ({ keys: Object.keys(req.query_params), params: req.query_params });
