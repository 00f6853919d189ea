module.exports = () => {
  const primes = [];
  for (let n = 2; primes.length < 15; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) { prime = false; break; }
    }
    if (!prime) continue;
    primes.push(n);
  }
  return primes;
};
