// Named components: a type used more than once (or recursively) is a `$ref`; one used once
// is inline; generics are expanded at each use; `extends` merges members; utility types
// reshape objects.
interface Author {
  name: string;
}

interface Base {
  id: number;
  created: Date;
}

interface Comment extends Base {
  author: Author;
  replies: Comment[];
}

interface Page<T> {
  items: T[];
  total: number;
}

type Summary = Pick<Comment, "id" | "author">;
type Draft = Omit<Partial<Comment>, "replies">;

export function GET(req): Page<Summary> | { status: 404; body: { author: Author } } {
  return null as any;
}

export function POST(req: Request<Draft & { notify: boolean }>): { status: 201; body: Comment } {
  return null as any;
}
