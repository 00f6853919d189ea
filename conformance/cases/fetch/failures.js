// How `fetch` fails (deliberate rejections, caught): a refused connection, a bad port, an
// unknown scheme, an invalid or relative URL, a body on GET, a bad method, `redirect: "error"`;
// each compared by name, message and the cause's name, message and code.
const base = process.env.CONFORMANCE_UPSTREAM;

function describe(error) {
  const cause = error.cause;
  return {
    name: error.name,
    message: error.message,
    cause: cause === undefined ? null : { name: cause.name, message: cause.message, code: cause.code ?? null },
  };
}

async function attempt(input, init) {
  try {
    const response = await fetch(input, init);
    return ["resolved", response.status];
  } catch (error) {
    return describe(error);
  }
}

module.exports = {
  async GET() {
    const { port } = await (await fetch(`${base}/closed-port`)).json();
    // Argument errors reject the returned promise rather than throw.
    const returned = fetch("nope");
    const isPromise = [returned instanceof Promise, await returned.catch((error) => error.name)];
    return {
      refused: await attempt(`http://127.0.0.1:${port}/`),
      badPort: await attempt("http://127.0.0.1:6000/"),
      scheme: await attempt("ftp://example.com/file"),
      invalid: await attempt("nope"),
      relative: await attempt("/relative/path"),
      getBody: await attempt(`${base}/echo`, { method: "GET", body: "x" }),
      headBody: await attempt(`${base}/echo`, { method: "HEAD", body: "x" }),
      method: await attempt(`${base}/echo`, { method: "bad method" }),
      connect: await attempt(`${base}/echo`, { method: "CONNECT" }),
      redirectError: await attempt(`${base}/redirect/2`, { redirect: "error" }),
      tooManyRedirects: await attempt(`${base}/redirect/25`),
      redirectMode: await attempt(`${base}/echo`, { redirect: "sideways" }),
      credentials: await attempt("http://user:pass@127.0.0.1/"),
      badHeader: await attempt(`${base}/echo`, { headers: { "bad name": "x" } }),
      isPromise,
    };
  },
};
