function handler(req, res) {
  const name = req.query_params.name?.trim() || "world";
  return {
    status: 200,
    body: {
      message: `Hello, ${name}!`,
      timestamp: new Date().toISOString(),
    },
  };
}
