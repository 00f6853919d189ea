const VERSION = "1.2.3";
export default function handler(req) {
  return { shape: "export default", version: VERSION };
}
