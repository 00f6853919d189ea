// The `zod` package (4.6.7) beyond parsing: shape helpers (extend/pick/omit/partial/merge, which
// walk shapes with `Reflect.ownKeys`), recursive `z.lazy`, discriminated unions, records, refine,
// pipes, error formatting and JSON Schema output. Its package files use `Proxy`, `Reflect` and a
// circular import (`core.js` ↔ `util.js`).
import { z } from "zod";

const Base = z.object({ id: z.number(), name: z.string(), secret: z.string().optional() });
const Node = z.lazy(() => z.object({ value: z.number(), children: z.array(Node).optional() }));
const Shape = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("circle"), r: z.number().positive() }),
  z.object({ kind: z.literal("square"), side: z.number() }),
]);

export default function handler(req) {
  const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`.slice(0, 300); } };
  const Ext = Base.extend({ email: z.string().email() });
  const Picked = Base.pick({ id: true });
  const Omitted = Base.omit({ secret: true });
  const Partial = Base.partial();
  const Merged = Base.merge(z.object({ extra: z.boolean() }));
  return {
    keys: [Object.keys(Ext.shape), Object.keys(Picked.shape), Object.keys(Omitted.shape), Object.keys(Partial.shape), Object.keys(Merged.shape)],
    partial: Partial.safeParse({}).success,
    lazy: Node.safeParse({ value: 1, children: [{ value: 2 }, { value: "x" }] }).error?.issues.map((i) => i.path.join(".")),
    union: [Shape.safeParse({ kind: "circle", r: 2 }).success, Shape.safeParse({ kind: "square" }).error?.issues[0].message, Shape.safeParse({ kind: "tri" }).error?.issues[0].code],
    record: z.record(z.string(), z.number()).safeParse({ a: 1, b: "2" }).error?.issues.map((i) => [i.code, i.path]),
    refine: z.string().refine((s) => s.startsWith("x"), { message: "must start with x" }).safeParse("y").error?.issues[0].message,
    flatten: z.flattenError(Ext.safeParse({ id: "1", email: "bad" }).error),
    tree: JSON.stringify(z.treeifyError(Ext.safeParse({ id: "1" }).error)),
    pretty: z.prettifyError(Ext.safeParse({ id: "1", name: 2 }).error),
    thrown: attempt(() => Base.parse(null)),
    enumValues: z.enum(["a", "b"]).options,
    tuple: z.tuple([z.string(), z.number()]).safeParse(["a", 1]).data,
    dates: z.iso.datetime().safeParse("2024-01-01T00:00:00Z").success,
    coerceBool: z.coerce.boolean().parse("false"),
    pipe: z.string().transform(Number).pipe(z.number().int()).safeParse("4.5").error?.issues[0].code,
    json: JSON.stringify(z.toJSONSchema(Base)),
  };
}
