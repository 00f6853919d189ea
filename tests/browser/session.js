// What every app of the browser test shares: a client of the service that served the page
// (the test's proxy forwards the API and the WebSocket to notes-auth), signed in with the token
// the test put in the page's address (`#token=…`).
import { createClient } from "@notes-auth/client";

const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? undefined;

export const client = createClient({ baseUrl: location.origin, auth: { token } });

/** The list every app shows: the caller's notes, oldest first, those whose title holds `text`. */
export function listParams(text) {
  return text ? { order: "id.asc", title: `ilike.*${text}*` } : { order: "id.asc" };
}
