// The three book operations of the data benchmark, written once for the JavaScript servers
// (crud-bun.mjs, crud-fastify.mjs) so that both answer byte for byte as the routes Backworks
// generates for bench/crud/backworks.yaml: the same SQL text, the same JSON member order,
// numbers and timestamps, the same ETag (FNV-1a 64 of the row's JSON) and Location headers,
// the same `next` cursor (base64url of {"o":"price.desc,id.asc","k":[19.96,4108]}).
//
//   GET  /books/4242                                   → 200 {row}              ETag
//   GET  /books?status=eq.published&price=lt.20&order=price.desc&limit=20
//                                                      → 200 {"items":[…],"next":"eyJ…"}
//   POST /books {"title":…,"price":…,"status":…,"author":…} → 201 {row}   ETag, Location
//
// A database is an object `{ one(sql, params), all(sql, params), dialect }` whose methods may
// return promises (PostgreSQL) or values (SQLite). Only the grammar the workloads use is read
// (eq/neq/lt/lte/gt/gte filters, order, limit); anything else is a 400, and error bodies are
// not byte-compared (the benchmark sends only valid requests).

const COLUMNS = ["id", "title", "price", "status", "author", "created_at", "updated_at"];
const FIELDS = { title: "string", price: "number", status: "enum", author: "integer" };
const STATUSES = ["draft", "published", "archived"];
const OPERATORS = { eq: "=", neq: "<>", lt: "<", lte: "<=", gt: ">", gte: ">=" };
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const quoted = COLUMNS.map((name) => `"${name}"`).join(", ");
const qualified = COLUMNS.map((name) => `"books"."${name}"`).join(", ");

/// The SQL of each operation, with `?` or `$n` placeholders.
export function statements(dialect) {
  const mark = (n) => (dialect === "postgres" ? `$${n}` : "?");
  return {
    mark,
    get: `SELECT ${quoted} FROM "books" WHERE "id" = ${mark(1)}`,
    insert:
      `INSERT INTO "books" ("title", "price", "status", "author", "created_at", "updated_at") ` +
      `VALUES (${[1, 2, 3, 4, 5, 6].map(mark).join(", ")}) RETURNING ${quoted}`,
  };
}

/// A row as the generated routes write it: columns in table order, ids as numbers,
/// instants as `YYYY-MM-DDTHH:MM:SS.mmmZ` (PostgreSQL drivers hand back Date objects and
/// BIGINTs as strings; SQLite hands back the stored text and numbers).
export function bookRow(raw) {
  return {
    id: Number(raw.id),
    title: raw.title,
    price: raw.price,
    status: raw.status,
    author: Number(raw.author),
    created_at: instant(raw.created_at),
    updated_at: instant(raw.updated_at),
  };
}

function instant(value) {
  return value instanceof Date ? value.toISOString() : value;
}

/// FNV-1a (64-bit) of the UTF-8 bytes of `text`, quoted, as the runtime's etag.rs computes it;
/// two 32-bit halves so it stays in exact double arithmetic.
export function etag(text) {
  const bytes = Buffer.from(text);
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    // hash × (2^40 + 0x1b3) mod 2^64, split into the low and high words.
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return `"${hi.toString(16).padStart(8, "0")}${lo.toString(16).padStart(8, "0")}"`;
}

/// `{ status, headers, text }` of a JSON reply.
export function json(status, text, headers = {}) {
  return { status, headers: { "content-type": "application/json", ...headers }, text };
}

export function failure(status, error, message) {
  return json(status, JSON.stringify({ error, message }));
}

function rowReply(status, raw, location) {
  const text = JSON.stringify(bookRow(raw));
  const headers = { etag: etag(text) };
  if (location) headers.location = location;
  return json(status, text, headers);
}

/// GET /books/{id}.
export async function getBook(db, sql, idText) {
  const id = /^[0-9]{1,15}$/.test(idText) ? Number(idText) : NaN;
  if (!Number.isSafeInteger(id)) return failure(400, "invalid_request", "id must be an integer");
  const raw = await db.one(sql.get, [id]);
  if (!raw) return failure(404, "not_found", `books has no row with id ${id}`);
  return rowReply(200, raw);
}

/// POST /books: the body checked as the generated route checks it, then one INSERT.
export async function createBook(db, sql, text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return failure(400, "invalid_request", `the body is not valid JSON: ${error.message}`);
  }
  const problem = checkBook(body);
  if (problem) return failure(400, "invalid_request", problem);
  const now = new Date().toISOString();
  const status = body.status ?? "draft";
  const raw = await db.one(sql.insert, [body.title, body.price, status, body.author, now, now]);
  return rowReply(201, raw, `/books/${Number(raw.id)}`);
}

function checkBook(body) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return "expected an object";
  for (const name of Object.keys(body)) {
    if (!(name in FIELDS)) return `books has no field ${JSON.stringify(name)}`;
  }
  if (typeof body.title !== "string") return "title: expected a string";
  if ([...body.title].length > 200) return "title: longer than 200 characters";
  if (typeof body.price !== "number" || !(body.price >= 0)) return "price: expected a number ≥ 0";
  if (body.status !== undefined && !STATUSES.includes(body.status)) return "status: not one of the values";
  if (!Number.isSafeInteger(body.author)) return "author: expected an integer";
  return null;
}

/// GET /books?…: filters on columns, `order`, `limit`; one row more than the page tells
/// whether there is a `next` page, whose cursor holds the last row's order keys and id.
export async function listBooks(db, sql, search) {
  const conditions = [];
  const params = [];
  let order = [];
  let limit = DEFAULT_LIMIT;
  for (const [name, value] of new URLSearchParams(search)) {
    if (name === "order") {
      order = value.split(",").map((key) => {
        const [column, direction = "asc"] = key.split(".");
        return { column, direction };
      });
      if (order.some(({ column, direction }) => !COLUMNS.includes(column) || !["asc", "desc"].includes(direction))) {
        return failure(400, "invalid_request", `cannot order by ${value}`);
      }
    } else if (name === "limit") {
      limit = /^[0-9]+$/.test(value) ? Number(value) : NaN;
      if (!(limit <= MAX_LIMIT)) return failure(400, "invalid_request", `limit must be at most ${MAX_LIMIT}`);
    } else if (COLUMNS.includes(name)) {
      const dot = value.indexOf(".");
      const operator = OPERATORS[value.slice(0, dot)];
      const operand = typed(name, value.slice(dot + 1));
      if (dot < 0 || !operator || operand === undefined) {
        return failure(400, "invalid_request", `cannot filter ${name} by ${value}`);
      }
      params.push(operand);
      conditions.push(` AND "books"."${name}" ${operator} ${sql.mark(params.length)}`);
    } else {
      return failure(400, "invalid_request", `unknown query parameter ${name}`);
    }
  }
  if (!order.some(({ column }) => column === "id")) order.push({ column: "id", direction: "asc" });
  const keys = order.map(({ column, direction }) =>
    `"books"."${column}" ${direction === "asc" ? "ASC NULLS LAST" : "DESC NULLS FIRST"}`,
  );
  params.push(limit + 1, 0);
  const text =
    `SELECT ${qualified} FROM "books" WHERE 1 = 1${conditions.join("")} ORDER BY ${keys.join(", ")} ` +
    `LIMIT ${sql.mark(params.length - 1)} OFFSET ${sql.mark(params.length)}`;
  const raws = await db.all(text, params);
  const items = raws.slice(0, limit).map(bookRow);
  let next = null;
  if (raws.length > limit && items.length > 0) {
    const last = items[items.length - 1];
    const signature = order.map(({ column, direction }) => `${column}.${direction}`).join(",");
    const cursor = { o: signature, k: order.map(({ column }) => last[column]) };
    next = Buffer.from(JSON.stringify(cursor)).toString("base64url");
  }
  return json(200, JSON.stringify({ items, next }));
}

function typed(name, text) {
  switch (name) {
    case "id":
    case "author":
      return /^-?[0-9]{1,15}$/.test(text) ? Number(text) : undefined;
    case "price": {
      const number = Number(text);
      return text.trim() !== "" && Number.isFinite(number) ? number : undefined;
    }
    case "status":
      return STATUSES.includes(text) ? text : undefined;
    default:
      return text;
  }
}

/// The database of `url` for a driver pair: `sqlite:///abs/file.db` or `postgres://…`.
export function databaseKind(url) {
  if (url.startsWith("sqlite://")) return { dialect: "sqlite", path: url.slice("sqlite://".length) };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { dialect: "postgres", url };
  throw new Error(`DATABASE_URL must be sqlite:///… or postgres://…, not ${url}`);
}

/// The SQLite settings of the compiled server, applied by every JavaScript server too: WAL,
/// `synchronous=FULL` (a row is on disk before its 201 leaves), foreign keys, a 5 s busy wait.
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 5000",
];

/// Connections in the PostgreSQL pool, as many as the compiled server's.
export const POOL_SIZE = 16;
