/**
 * Meeting sittings for the simulator: engine/time.ts `nextSitting` without Intl.
 *
 * A meeting sits on its weekdays at its time unless the day is a bank holiday (engine rule:
 * weekday listed and `isWorkingDay`). Per meeting (by rule object, and shared between equal rules)
 * a table over local day numbers holds the first sitting day at or after each day (built lazily,
 * day by day); `nextSittingFast(rule, after)` is then that day's sitting if it is not before
 * `after`, else the next one: two lookups and a `fromLocalDay`.
 */
import type { MeetingRule } from '../../engine/time.ts';
import { fromLocalDay, localDay, weekday } from './london-clock.ts';
import { isWorkingDayNumber } from './working-days.ts';

/** engine/time.ts looks at the day of `after` and the 29 days after it. */
const searchDays = 30;
const unknown = -1;
const noSitting = -2;

class SittingTable {
  private readonly weekdays: boolean[];
  readonly minuteOfDay: number;
  private base = 0;
  /** First sitting day at or after base + i: unknown, noSitting (none within searchDays), or a day. */
  private next = new Float64Array(0);

  constructor(rule: MeetingRule) {
    this.weekdays = [0, 1, 2, 3, 4, 5, 6].map((day) => rule.days.includes(day));
    this.minuteOfDay = rule.hour * 60 + rule.minute;
  }

  /** The first sitting day in [day, day + searchDays), or noSitting. */
  sittingDayFrom(day: number): number {
    let i = day - this.base;
    if (!(i >= 0 && i < this.next.length)) {
      this.grow(day);
      i = day - this.base;
    }
    const known = this.next[i]!;
    if (known !== unknown) return known;
    let found = noSitting;
    for (let candidate = day; candidate < day + searchDays; candidate++) {
      if (this.weekdays[weekday(candidate)] && isWorkingDayNumber(candidate)) {
        found = candidate;
        break;
      }
    }
    this.next[i] = found;
    return found;
  }

  private grow(day: number): void {
    if (!Number.isFinite(day)) throw new RangeError(`nextSittingFast: ${day} is not a finite day`);
    const oldBase = this.base;
    const oldEnd = oldBase + this.next.length;
    const from = this.next.length === 0 ? day - 366 : Math.min(oldBase, day - 366);
    const to = this.next.length === 0 ? day + 731 : Math.max(oldEnd, day + 731);
    const next = new Float64Array(to - from).fill(unknown);
    if (this.next.length > 0) next.set(this.next, oldBase - from);
    this.base = from;
    this.next = next;
  }
}

const tablesByRule = new WeakMap<MeetingRule, SittingTable>();
const tablesByKey = new Map<string, SittingTable>();

function tableFor(rule: MeetingRule): SittingTable {
  let table = tablesByRule.get(rule);
  if (!table) {
    const key = `${[...new Set(rule.days)].sort().join(',')}@${rule.hour}:${rule.minute}`;
    table = tablesByKey.get(key);
    if (!table) {
      table = new SittingTable(rule);
      tablesByKey.set(key, table);
    }
    tablesByRule.set(rule, table);
  }
  return table;
}

/** The first sitting at or after the instant: the same as engine/time.ts `nextSitting`. */
export function nextSittingFast(rule: MeetingRule, after: number): number {
  const table = tableFor(rule);
  const first = localDay(after);
  let day = table.sittingDayFrom(first);
  if (day !== noSitting) {
    const sitting = fromLocalDay(day, table.minuteOfDay);
    if (sitting >= after) return sitting;
    // Only a sitting on the day of `after` can be before it; the engine looks no further than
    // `first + searchDays - 1`.
    day = table.sittingDayFrom(day + 1);
    if (day !== noSitting && day < first + searchDays) return fromLocalDay(day, table.minuteOfDay);
  }
  throw new Error(`meeting "${rule.name}" has no sitting within 30 days`);
}
