// Malformed JSON never reaches the handler: both sides answer 400 with V8's message (deliberate 400).
// @request POST json:{"broken":
// @request POST json:{'single': 1}
// @request POST json:[1, 2,]
// @request POST json:undefined
// @request POST json:{"ok": true} trailing
// @request POST {"ok": true}
exports.handler = (req) => ({ reached: true, received: req.body });
