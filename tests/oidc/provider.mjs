// A real OpenID Connect provider for the tests (oidc-provider), on a loopback port.
//
//   node tests/oidc/provider.mjs --state DIR [--port N] [--rotate]
//
// Prints one line, `issuer http://127.0.0.1:PORT`, once it listens. Its signing keys live in
// DIR/keys.json (private JWKs, made on first start); `--rotate` makes a new RS256 key, puts it
// first — oidc-provider signs with the first key of an algorithm — and keeps the old one
// published, which is what a provider's key rotation looks like to a resource server. Restart
// on the same `--port` so the issuer stays the same.
//
// Tokens come from the real client-credentials flow at the token endpoint, as JWT access
// tokens for the resource (audience) the request names:
//   POST /token  grant_type=client_credentials&resource=https://api.notes.test
//   client `notes-admin` gets roles ["admin"], `notes-reader` gets ["reader"] (extraTokenClaims).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const state = option('--state');
const port = Number(option('--port') ?? 0);
if (!state) {
  console.error('usage: provider.mjs --state DIR [--port N] [--rotate]');
  process.exit(2);
}

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

const keysFile = join(state, 'keys.json');
let keys = existsSync(keysFile) ? JSON.parse(readFileSync(keysFile, 'utf8')) : [newKey()];
if (args.includes('--rotate')) {
  keys = [newKey(), ...keys];
}
writeFileSync(keysFile, JSON.stringify(keys));

const SECRET = 'a-client-secret-for-the-tests-only-0123456789';
const ROLES = { 'notes-admin': ['admin'], 'notes-reader': ['reader'] };

// Bind first, so the issuer can name the port the system chose.
const { createServer } = await import('node:http');
const server = createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: Object.keys(ROLES).map((client_id) => ({
    client_id,
    client_secret: SECRET,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_post',
  })),
  jwks: { keys },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      getResourceServerInfo: async (_ctx, resource) => ({
        scope: 'notes',
        audience: resource,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: async (_ctx, token) => ({ roles: ROLES[token.clientId] ?? [] }),
});
provider.on('server_error', (_ctx, error) => console.error('server_error', error));
server.on('request', provider.callback());

console.log(`issuer ${issuer}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
