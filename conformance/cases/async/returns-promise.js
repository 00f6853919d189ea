// A non-async handler that returns a Promise is awaited too.
export default function () {
  return Promise.resolve({ status: 202, body: { queued: true } });
}
