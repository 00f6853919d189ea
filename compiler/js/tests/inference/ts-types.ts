// Every kind of TypeScript type an annotation maps to JSON Schema.
type Kind = "memo" | "todo";

interface Everything {
  text: string;
  count: number;
  flag: boolean;
  nothing: null;
  literal: "exact";
  answer: 42;
  yes: true;
  kinds: Kind[];
  mixed: 1 | "one" | null;
  maybe?: string;
  maybe_too: string | undefined;
  nullable: string | null;
  either: string | number;
  anything: any;
  opaque: unknown;
  never_sent: never;
  at: Date;
  pair: [number, string];
  optional_tail: [string, number?];
  spread: [string, ...number[]];
  names: Array<string>;
  frozen: readonly string[];
  scores: Record<string, number>;
  per_kind: Record<Kind, boolean>;
  extra: { [key: string]: number };
  nested: { inner: { deep: boolean } };
  method(): void;
  "quoted-key": string;
}

export function GET(): Everything {
  return null as any;
}
