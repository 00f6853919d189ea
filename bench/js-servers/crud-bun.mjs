// The data benchmark's Bun server: `Bun.serve` with the book operations of crud-books.mjs on
// Bun's built-in drivers, `bun:sqlite` for SQLite and `Bun.SQL` for PostgreSQL (a pool of 16,
// as the compiled server keeps), so only the runtime and its drivers differ from Backworks.
//
// Usage: DATABASE_URL=sqlite:///abs/bench.db bun crud-bun.mjs   (listens on $PORT, $HOST)
//        DATABASE_URL=postgres://user@127.0.0.1:5432/db bun crud-bun.mjs

import { Database } from "bun:sqlite";
import { SQL } from "bun";
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
    const sqlite = new Database(kind.path);
    for (const pragma of SQLITE_PRAGMAS) sqlite.exec(pragma);
    // `query` caches the prepared statement of each SQL text.
    return {
      one: (text, params) => sqlite.query(text).get(...params),
      all: (text, params) => sqlite.query(text).all(...params),
    };
  }
  const pool = new SQL({ url: kind.url, max: POOL_SIZE });
  return {
    one: async (text, params) => (await pool.unsafe(text, params))[0],
    all: (text, params) => pool.unsafe(text, params),
  };
}

const db = open();
const sql = statements(kind.dialect);

function response({ status, headers, text }) {
  return new Response(text, { status, headers });
}

async function settle(work) {
  try {
    return response(await work);
  } catch (error) {
    return response(failure(500, "internal", error.message));
  }
}

const server = Bun.serve({
  port,
  hostname: host,
  maxRequestBodySize: 64 * 1024,
  routes: {
    "/books/:id": { GET: (req) => settle(getBook(db, sql, req.params.id)) },
    "/books": {
      GET: (req) => {
        const url = req.url;
        const question = url.indexOf("?");
        return settle(listBooks(db, sql, question < 0 ? "" : url.slice(question + 1)));
      },
      POST: async (req) => settle(createBook(db, sql, await req.text())),
    },
  },
  fetch: () => response(failure(404, "not_found", "no such route")),
});
console.log(`bun listening on http://${host}:${server.port}`);
