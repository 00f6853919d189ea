module.exports = () => {
  class QueryBuilder {
    constructor(table) { this.table = table; this.wheres = []; this.limitN = null; this.orders = []; }
    where(col, op, val) { this.wheres.push(`${col} ${op} ${JSON.stringify(val)}`); return this; }
    orderBy(col, dir = "asc") { this.orders.push(`${col} ${dir.toUpperCase()}`); return this; }
    limit(n) { this.limitN = n; return this; }
    build() {
      let sql = `SELECT * FROM ${this.table}`;
      if (this.wheres.length) sql += ` WHERE ${this.wheres.join(" AND ")}`;
      if (this.orders.length) sql += ` ORDER BY ${this.orders.join(", ")}`;
      if (this.limitN !== null) sql += ` LIMIT ${this.limitN}`;
      return sql;
    }
  }
  return [new QueryBuilder("users").where("age", ">", 18).where("name", "=", "Ada").orderBy("age", "desc").limit(10).build(), new QueryBuilder("t").build()];
};
