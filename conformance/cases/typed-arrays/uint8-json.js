// JSON.stringify of a Uint8Array writes its elements as index keys.
export default function handler() {
  const bytes = new Uint8Array([1, 2, 255]);
  return {
    body: {
      direct: JSON.stringify(bytes),
      nested: JSON.stringify({ bytes, empty: new Uint8Array(0) }),
      indented: JSON.stringify(new Uint8Array([7, 8]), null, 2),
      inArray: [new Uint8Array([3])],
    },
  };
}
