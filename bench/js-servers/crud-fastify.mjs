// The data benchmark's Node + Fastify server: Fastify 5 on Node 20 with the book operations of
// crud-books.mjs on the drivers a Node user picks, better-sqlite3 12 for SQLite and `pg` (a
// Pool of 16 with named, hence prepared, statements) for PostgreSQL.
//
// Usage: DATABASE_URL=sqlite:///abs/bench.db node crud-fastify.mjs   (listens on $PORT, $HOST)
//        DATABASE_URL=postgres://user@127.0.0.1:5432/db node crud-fastify.mjs
//
// As in fastify.mjs: no logger, bodies arrive as text (the operation parses them), Fastify's
// query parsing is skipped (the operation reads the query string once), replies are sent as
// the strings they are, so Fastify adds no `; charset=utf-8`.

import Fastify from "fastify";
import Sqlite from "better-sqlite3";
import pg from "pg";
import {
  POOL_SIZE,
  SQLITE_PRAGMAS,
  createBook,
  databaseKind,
  failure,
  getBook,
  listBooks,
  statements,
} from "./crud-books.mjs";

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";
const kind = databaseKind(process.env.DATABASE_URL ?? "");

function open() {
  if (kind.dialect === "sqlite") {
    const sqlite = new Sqlite(kind.path);
    for (const pragma of SQLITE_PRAGMAS) sqlite.exec(pragma);
    const prepared = new Map();
    const statement = (text) => {
      let found = prepared.get(text);
      if (!found) prepared.set(text, (found = sqlite.prepare(text)));
      return found;
    };
    return {
      one: (text, params) => statement(text).get(...params),
      all: (text, params) => statement(text).all(...params),
    };
  }
  // BIGINT (type 20) as a number, as the compiled server's JSON has it.
  pg.types.setTypeParser(20, Number);
  const pool = new pg.Pool({ connectionString: kind.url, max: POOL_SIZE });
  const names = new Map();
  const query = (text, values) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `s${names.size}`));
    return pool.query({ name, text, values });
  };
  return {
    one: async (text, params) => (await query(text, params)).rows[0],
    all: async (text, params) => (await query(text, params)).rows,
  };
}

const db = open();
const sql = statements(kind.dialect);

const NO_QUERY = Object.freeze({});
const app = Fastify({
  logger: false,
  bodyLimit: 64 * 1024,
  routerOptions: { querystringParser: () => NO_QUERY },
});
app.removeAllContentTypeParsers();
app.addContentTypeParser("*", { parseAs: "string" }, (request, body, done) => done(null, body));

const asIs = (text) => text;

async function send(reply, work) {
  let done;
  try {
    done = await work;
  } catch (error) {
    done = failure(500, "internal", error.message);
  }
  return reply.code(done.status).headers(done.headers).serializer(asIs).send(done.text);
}

app.get("/books/:id", (req, reply) => send(reply, getBook(db, sql, req.params.id)));
app.get("/books", (req, reply) => {
  const question = req.url.indexOf("?");
  return send(reply, listBooks(db, sql, question < 0 ? "" : req.url.slice(question + 1)));
});
app.post("/books", (req, reply) =>
  send(reply, createBook(db, sql, typeof req.body === "string" ? req.body : "")),
);

const address = await app.listen({ port, host });
console.log(`node-fastify listening on ${address}`);
