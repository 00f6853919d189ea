exports.handler = () => {
  const config = { server: { port: 8080 }, db: {} };
  const {
    server: { host = "localhost", port },
    db: { url = "sqlite://memory", pool: { size = 5 } = {} },
    features: [flag = "none"] = [],
  } = config;
  return { host, port, url, size, flag };
};
