/**
 * Text that each package tools/bundling/lean-holidays.ts leaves out would bring into a bundle, even
 * minified (messages, data, exported names). Each was seen in the editor's assets before the stand-ins.
 */
const markers: Record<string, string[]> = {
  'moment-timezone': ['Moment Timezone', 'Africa/Abidjan'],
  moment: ['momentProperties'],
  // A VSOP87 term of the Earth's table, and the Julian calendar's class.
  astronomia: ['1.75347045673', 'CalendarJulian'],
  'date-chinese': ['solarTerm'],
};

/** The left-out packages whose text is in `code`, with the text found. */
export function leftOutPackagesIn(code: string): string[] {
  return Object.entries(markers).flatMap(([name, texts]) => texts.filter((text) => code.includes(text)).map((text) => `${name} ("${text}")`));
}
