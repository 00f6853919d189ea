// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of hello-world,
// and the misuses the declarations must reject.
import { BackworksError, createClient } from "@hello-world/client";
import type { GetHelloResult } from "@hello-world/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000", timeoutMs: 1000 });

  const hello = await client.getHello({ name: "Ada" });
  if (hello.status === 200) {
    const message: string = hello.data.message;
    const timestamp: string = hello.data.timestamp;
    void [message, timestamp];
  } else {
    const status: 400 = hello.status;
    const error: string = hello.data.error;
    void [status, error];
  }
  // @ts-expect-error: `data` is a union until `status` is checked
  hello.data.timestamp;
  const greeting: { message: string; timestamp: string } = await client.getHello.orThrow();
  void greeting;
  await client.getHello();

  const echo = await client.postEcho({ signal: new AbortController().signal });
  if (echo.status === 200) {
    const kind: string = echo.data.kind;
    void kind;
  }

  // @ts-expect-error: `name` is a string
  await client.getHello({ name: 7 });
  // @ts-expect-error: no such parameter
  await client.getHello({ nam: "Ada" });
  // @ts-expect-error: no such operation
  await client.getHi();
  // @ts-expect-error: a status the operation does not answer
  const impossible: GetHelloResult = { status: 404, data: null, headers: new Headers() };
  void impossible;
  // @ts-expect-error: the base URL is required
  createClient({});
  // @ts-expect-error: hello-world declares no auth
  createClient({ baseUrl: "http://x", auth: { token: "t" } });

  try {
    await client.getHello.orThrow({ name: "x" });
  } catch (error) {
    if (error instanceof BackworksError) {
      const status: number = error.status;
      const kind: "status" | "timeout" | "network" = error.kind;
      void [status, kind];
    }
  }
}
