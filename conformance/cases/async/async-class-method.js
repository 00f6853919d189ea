class Repo {
  constructor() { this.rows = new Map([[1, "one"], [2, "two"]]); }
  async get(id) { await null; if (!this.rows.has(id)) throw new Error(`missing ${id}`); return { id, value: this.rows.get(id) }; }
  async getMany(ids) { return Promise.all(ids.map((id) => this.get(id))); }
}
const repo = new Repo();
// @request GET ?ids=1,2
// @request GET ?ids=1,3
async function handler(req) {
  const ids = req.query_params.ids.split(",").map(Number);
  try {
    return await repo.getMany(ids);
  } catch (e) {
    return { status: 404, body: { error: e.message } };
  }
}
