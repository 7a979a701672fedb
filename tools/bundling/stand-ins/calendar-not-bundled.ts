/**
 * In the bundles, date-holidays-parser's calendars other than the Gregorian one and Easter (Julian,
 * Hebrew, Islamic, Jalaali, equinoxes and solstices, Chinese, Bengali) are this class: they bring
 * astronomia, date-chinese and moment-timezone, and England's rules use none of them. If a rule
 * ever did, the holidays fail loudly instead of coming out wrong (see ../lean-holidays.ts).
 */
export default class CalendarNotBundled {
  constructor(rule?: { fn?: string }) {
    throw new Error(
      `date-holidays-parser: a "${rule?.fn ?? 'non-Gregorian'}" holiday rule needs a calendar that is not bundled (tools/bundling/lean-holidays.ts); England's rules needed only Gregorian dates and Easter`,
    );
  }
}
