// Runs handler cases in Node, printing one JSON line per request — the reference the compiled
// handlers must match byte for byte (see ../differential.rs).
//
//   node --import ./freeze-time.mjs run.mjs <repo-root> <case.json>...
//
// Handler files may mix CommonJS `require` with `export` syntax (as the examples do); this
// harness rewrites `export` declarations to CommonJS exports before evaluating the file, the
// way a bundler would.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const root = process.argv[2];
const cache = new Map();

function transform(source) {
  const exported = [];
  let text = source.replace(/^export\s+default\s+(async\s+)?function\s+([A-Za-z_$][\w$]*)/gm, (_, a, name) => {
    exported.push([name, "default"]);
    return `${a ?? ""}function ${name}`;
  });
  text = text.replace(/^export\s+default\s+/gm, "module.exports.default = ");
  text = text.replace(/^export\s+(async\s+)?function\s+([A-Za-z_$][\w$]*)/gm, (_, a, name) => {
    exported.push([name, name]);
    return `${a ?? ""}function ${name}`;
  });
  text = text.replace(/^export\s+(const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  const tail = exported.map(([local, name]) => `module.exports[${JSON.stringify(name)}] = ${local};`).join("\n") +
    // A module that exports nothing but declares `function handler` serves it (Backworks' rule).
    `\nif (typeof handler === "function" && typeof module.exports !== "function" && Object.keys(module.exports).length === 0) module.exports.handler = handler;`;
  return `${text}\n;${tail}\n`;
}

function load(file, source) {
  const key = path.resolve(file);
  if (cache.has(key)) return cache.get(key).exports;
  const text = source ?? fs.readFileSync(key, "utf8");
  const module = { exports: {} };
  cache.set(key, module);
  const require = (specifier) => {
    let target = path.resolve(path.dirname(key), specifier);
    if (!fs.existsSync(target) && fs.existsSync(`${target}.js`)) target = `${target}.js`;
    return load(target);
  };
  const wrapper = vm.runInThisContext(`(function (module, exports, require) {${transform(text)}\n})`, { filename: key });
  try {
    wrapper(module, module.exports, require);
  } catch (error) {
    cache.delete(key);
    throw error;
  }
  return module.exports;
}

function handlerOf(exports, entry) {
  if (entry === "default") {
    if (typeof exports === "function") return exports;
    return exports.default ?? exports.handler;
  }
  return exports[entry];
}

function bodyOf(value) {
  if (value === undefined || value === null) return { kind: "empty" };
  if (typeof value === "string") return { kind: "text", text: value };
  const json = JSON.stringify(value);
  return json === undefined ? { kind: "empty" } : { kind: "json", text: json };
}

function responseOf(result) {
  const isResponse =
    result !== null && typeof result === "object" && !Array.isArray(result) &&
    Object.getPrototypeOf(result) === Object.prototype &&
    ["status", "headers", "body"].some((key) => Object.prototype.hasOwnProperty.call(result, key));
  if (!isResponse) return { status: 200, headers: [], body: bodyOf(result) };
  const status = result.status === undefined ? 200 : Number(result.status);
  const headers = [];
  if (result.headers !== undefined && result.headers !== null) {
    for (const [name, value] of Object.entries(result.headers)) {
      if (value !== undefined) headers.push([name, String(value)]);
    }
  }
  return { status, headers, body: bodyOf(result.body) };
}

function thrown(error) {
  if (error instanceof Error) {
    if (error instanceof RangeError && error.message === "Maximum call stack size exceeded") {
      return { error: { kind: "stack_overflow" } };
    }
    return { error: { kind: "thrown", name: error.name, message: error.message } };
  }
  return { error: { kind: "thrown", name: "Uncaught", message: String(error) } };
}

async function runCase(casePath) {
  const spec = JSON.parse(fs.readFileSync(casePath, "utf8"));
  // Each case starts from fresh module state, as each compiled case has its own isolate.
  cache.clear();
  const file = path.resolve(root, spec.handler);
  for (const [index, request] of spec.requests.entries()) {
    let line;
    try {
      let body;
      if (request.json !== undefined) {
        try {
          body = JSON.parse(request.json);
        } catch (error) {
          line = { error: { kind: "bad_request", code: "invalid_json", message: error.message } };
        }
      } else if (request.text !== undefined) {
        body = request.text;
      }
      if (line === undefined) {
        const exports = load(file, spec.inline);
        const handler = handlerOf(exports, request.entry ?? "default");
        const req = {
          method: request.method ?? "GET",
          path: request.path ?? "/",
          path_params: Object.fromEntries(request.path_params ?? []),
          query_params: Object.fromEntries(request.query_params ?? []),
          headers: Object.fromEntries(request.headers ?? []),
          body,
        };
        const ctx = { log: () => undefined, env: {} };
        const result = await handler(req, ctx);
        line = responseOf(result);
      }
    } catch (error) {
      line = thrown(error);
    }
    console.log(JSON.stringify({ case: spec.name, request: index, ...line }));
  }
}

for (const casePath of process.argv.slice(3)) {
  await runCase(casePath);
}
