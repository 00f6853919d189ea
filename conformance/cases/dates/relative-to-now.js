// Computations against the frozen clock.
module.exports = () => {
  const now = new Date();
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const birthday = new Date("1990-07-15T00:00:00Z");
  let age = now.getUTCFullYear() - birthday.getUTCFullYear();
  if (now.getUTCMonth() < birthday.getUTCMonth() || (now.getUTCMonth() === birthday.getUTCMonth() && now.getUTCDate() < birthday.getUTCDate())) age--;
  const expiresAt = new Date(now.getTime() + 3600e3);
  return { startOfDay, weekAgo: weekAgo.toISOString(), age, expiresAt, expired: expiresAt < now, dayOfWeek: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][now.getUTCDay()], quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
};
