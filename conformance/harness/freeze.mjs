// Freezes the clock the way the compiled server does when BACKWORKS_FROZEN_TIME_MS is set:
// `Date.now()` and `new Date()` both answer that instant.
const frozen = process.env.BACKWORKS_FROZEN_TIME_MS;
if (frozen !== undefined) {
  const instant = Number(frozen);
  const RealDate = Date;
  class FrozenDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(instant);
      else super(...args);
    }
    static now() {
      return instant;
    }
  }
  globalThis.Date = FrozenDate;
}
