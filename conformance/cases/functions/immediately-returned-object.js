export default (req) => ({ method: req.method, path: req.path, ok: true });
