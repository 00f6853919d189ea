// Type-checked by tests/tests/typed_client.rs (tsc --strict): a service with API keys only.
import { createClient } from "@keyed/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000", auth: { apiKey: "k" } });
  createClient({ baseUrl: "http://x", auth: { apiKey: async () => "k" } });
  // @ts-expect-error: the service takes no bearer tokens
  createClient({ baseUrl: "http://x", auth: { token: "t" } });
  const me = await client.whoami();
  if (me.status === 401) void me.data.error;
  const open = await client.open.orThrow();
  void open;
}
