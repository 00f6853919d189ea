// @request GET ?email=ada@example.com
// @request GET ?email=not-an-email
// @request GET ?email=
function handler(req) {
  const email = req.query_params.email;
  const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
  const checks = {
    email: EMAIL.test(email),
    hasDigit: /\d/.test(email),
    slug: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test("hello-world-2"),
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),
    hex: /^#?([a-f\d]{3}){1,2}$/i.test("#FFaa00"),
    ipv4: /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test("192.168.0.255"),
  };
  return checks;
}
