// Where a request body's type comes from: `Request<T>`, a `body` member of the parameter's
// type (inline, interface, alias, intersection), a destructured parameter. `Request<any>` and
// an untyped parameter declare nothing.
interface NewPost {
  title: string;
  published?: boolean;
  rating: number;
}

interface PostRequest {
  body: NewPost;
  path_params: { id: string };
}

type Patch = { path_params: { id: number } } & { body: Partial<NewPost> };

export function POST(req: Request<{ title: string; tags?: string[] }>) {
  return { status: 201, body: req.body };
}

export function PUT(req: PostRequest) {
  return req.body;
}

export function PATCH({ body }: Patch) {
  return body;
}

export function DELETE(req: Request<any>) {
  return { status: 204 };
}

export function OPTIONS(req: { body: NewPost }) {
  return req.body.title;
}

export function TRACE(req: { body?: NewPost }) {
  return "not an HTTP method Backworks routes: ignored";
}

export function HEAD(req: { body?: { note: string } }) {
  return {};
}
