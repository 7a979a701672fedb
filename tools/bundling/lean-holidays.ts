/**
 * England's holidays without what England does not need: in the editor's bundles (the page and its
 * simulation worker), date-holidays-parser's non-Gregorian calendars and moment-timezone are
 * swapped for stand-ins that throw if ever called (./stand-ins/). That leaves out astronomia,
 * date-chinese and moment-timezone: about 1 MB of each bundle that carries engine/bank-holidays.ts.
 *
 * Safe because England's rules are fixed dates, weekdays in a month, substitutes and Easter (the
 * parser's Gregorian calendar and its Easter), and engine/bank-holidays.ts asks for dates without
 * a time zone. test/editor/lean-holidays.test.ts runs 1950–2100 through a bundle made with this
 * plugin against date-holidays itself; test/editor/editor-build.test.ts checks the built editor.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const calendarNotBundled = fileURLToPath(new URL('./stand-ins/calendar-not-bundled.ts', import.meta.url));
const momentTimezone = fileURLToPath(new URL('./stand-ins/moment-timezone.ts', import.meta.url));

/** The calendars date-holidays-parser's CalEventFactory.js can do without (its own "#ifndef no…" build switches). */
const otherCalendars = /^\.\/(Julian|Hebrew|Hijri|Jalaali|Equinox|Chinese|BengaliRevised)\.js$/;
const calEventFactory = /[\\/]node_modules[\\/]date-holidays-parser[\\/]src[\\/]CalEventFactory\.js$/;
/** The holiday parser and its date type (caldate), the only importers of moment-timezone stood in for. */
const holidayPackages = /[\\/]node_modules[\\/](date-holidays-parser|caldate)[\\/]/;

/** The stand-in for an import, if it is one of those left out; undefined otherwise. */
function leanHolidaysStandIn(source: string, importer: string | undefined): string | undefined {
  if (!importer) return undefined;
  if (source === 'moment-timezone' && holidayPackages.test(importer)) return momentTimezone;
  if (calEventFactory.test(importer) && otherCalendars.test(source)) return calendarNotBundled;
  return undefined;
}

/** For vite: the page's build and, separately, its workers' (`worker.plugins`). */
export function leanHolidays(): Plugin {
  return {
    name: 'mashflow-lean-holidays',
    enforce: 'pre',
    resolveId: (source, importer) => leanHolidaysStandIn(source, importer) ?? null,
  };
}
