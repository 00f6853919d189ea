// Types that are not evaluated become open schemas `{}`, never a wrong type, never a panic.
enum Color {
  Red,
  Green,
}

namespace Shapes {
  export interface Square {
    side: number;
  }
}

type Loop<T> = { next: Loop<Loop<T>> };

interface Odd {
  conditional: string extends number ? true : false;
  mapped: { [K in "a" | "b"]: number };
  keys: keyof Odd;
  query: typeof Color;
  indexed: Odd["conditional"];
  imported: import("./elsewhere").Thing;
  template: `id-${number}`;
  color: Color;
  qualified: Shapes.Square;
  fn: (x: number) => string;
  big: bigint;
  sym: symbol;
  self: this;
  loop: Loop<string>;
  unknown_global: Map<string, number>;
  unresolved: NotDeclaredAnywhere;
}

export function GET(req: Request<Odd>): Odd {
  return null as any;
}
