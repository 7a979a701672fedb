// date-holidays-parser ships its types as an ambient module but does not name them in its
// package exports; this points TypeScript at them.
/// <reference path="../node_modules/date-holidays-parser/types/index.d.ts" />

declare module 'date-holidays/data' {
  /** date-holidays' full rule table: every country, and the shared holiday names. */
  export const data: { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> };
}
