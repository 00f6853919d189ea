// @request POST text:hello world
// @request POST text:{"looks": "like json"}
// @request POST text:  spaced  
// @request POST text:héllo 😀
module.exports = (req) => ({ received: req.body, type: typeof req.body, length: req.body.length, contentType: req.headers["content-type"] });
