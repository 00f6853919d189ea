// CPU-heavy workload: loops and arithmetic over arrays, with no I/O. A sieve of Eratosthenes up
// to `n` (default 20000), a 16×16 integer matrix squared, and a sort of hashed primes; the body
// reports checksums so every server must really do the work and agree on the result.
function primesUpTo(n) {
  const composite = [];
  for (let i = 0; i <= n; i++) composite.push(false);
  const primes = [];
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return primes;
}

function square(matrix, size) {
  const product = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += matrix[row * size + k] * matrix[k * size + col];
      product.push(sum);
    }
  }
  return product;
}

module.exports = function crunch(req) {
  const n = Math.min(Math.max(Number(req.query_params.n) || 20000, 2), 200000);
  const primes = primesUpTo(n);
  const checksum = primes.reduce((sum, p) => (sum * 31 + p) % 1000003, 0);

  const size = 16;
  const matrix = [];
  for (let i = 0; i < size * size; i++) matrix.push((i * 7) % 13 - 6);
  const product = square(matrix, size);
  let trace = 0;
  for (let i = 0; i < size; i++) trace += product[i * size + i];

  const hashed = primes.map((p) => (p * 2654435761) % 1000).sort((a, b) => a - b);
  const median = hashed[Math.floor(hashed.length / 2)];

  return { body: { n, count: primes.length, largest: primes[primes.length - 1], checksum, trace, median } };
};
