/**
 * In the bundles, moment-timezone (about 900 KB with moment and its zone database) is this: caldate
 * (date-holidays-parser's date type) calls it only to place a holiday in a time zone, and
 * engine/bank-holidays.ts asks for dates without one. A call means that changed (see ../lean-holidays.ts).
 */
function notBundled(): never {
  throw new Error('moment-timezone is not bundled (tools/bundling/lean-holidays.ts): engine/bank-holidays.ts must read holidays without a time zone');
}

const moment = Object.assign(() => notBundled(), { tz: () => notBundled() });
export default moment;
