exports.handler = () => {
  const data = { user: { name: "Ada", tags: ["a", "b"], greet() { return "hi " + this.name; } }, list: null };
  const fn = null;
  return {
    member: data.user?.name, missing: data.nobody?.name, index: data.user?.tags?.[1], missingIndex: data.list?.[0],
    call: data.user.greet?.(), missingCall: data.user.wave?.(), fnCall: fn?.(1), deep: data?.user?.tags?.length,
    shortCircuit: data.list?.a.b.c, computed: data.user?.["name"], nullish: data.list?.x ?? "default",
  };
};
