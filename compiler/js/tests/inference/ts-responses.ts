// Return types: a body type (200), `Promise<…>`, unions of response shapes keyed by a literal
// `status`, text and empty bodies. A `status: number` cannot be known: that export's code is
// inferred instead (no annotation responses).
interface Post {
  id: number;
  title: string;
}

interface Problem {
  error: string;
  message: string;
}

type Found = { status: 200; body: Post } | { status: 404; body: Problem };

export async function GET(req): Promise<Found> {
  return { status: 404, body: { error: "not_found", message: "no" } };
}

export async function POST(req): Promise<{ status: 201 | 202; body: Post; headers: Record<string, string> }> {
  return { status: 201, body: { id: 1, title: "x" }, headers: {} };
}

export function PUT(req): Post[] {
  return [];
}

export function DELETE(req): { status: 204 } | { status: 404; body: Problem } {
  return { status: 204 };
}

export function PATCH(req): string {
  return "text";
}

export function OPTIONS(req): { status: number; body: Post } {
  return { status: 200, body: { id: 1, title: "x" } };
}

export default function handler(req): void {}
