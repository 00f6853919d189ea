// Freezes the clock at BACKWORKS_FROZEN_TIME_MS, as the runtime does in the compiled handlers.
const frozen = Number(process.env.BACKWORKS_FROZEN_TIME_MS);
if (Number.isFinite(frozen)) {
  const RealDate = Date;
  class FrozenDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(frozen);
      else super(...args);
    }
    static now() {
      return frozen;
    }
  }
  globalThis.Date = FrozenDate;
}
