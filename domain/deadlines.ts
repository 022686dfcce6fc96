/**
 * Deadline arithmetic. Pure: time zones through Intl, holidays through an injected calendar so the
 * workflow bundle never carries holiday data.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Public holidays of a jurisdiction (a date-holidays code such as "US" or "BR-SP"). */
export interface HolidayCalendar {
  isHoliday(calendar: string, date: LocalDate): boolean;
}

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/**
 * formatToParts is the cost of an assessment (a multistate breach asks the same few instants in
 * fifty zones, many times over), and the answer never changes: remembered, within a bound.
 */
const localCache = new Map<string, LocalDateTime>();
const LOCAL_CACHE_LIMIT = 20_000;

export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const key = `${timeZone}|${epochMs}`;
  const hit = localCache.get(key);
  if (hit) return { ...hit };
  if (localCache.size >= LOCAL_CACHE_LIMIT) localCache.clear();
  const local = computeLocal(epochMs, timeZone);
  localCache.set(key, local);
  return { ...local };
}

function computeLocal(epochMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  // Two passes settle the offset, including around daylight-saving changes.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = toLocal(guess, timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, seen.ms);
    guess += asUtc - seenAsUtc;
  }
  // A wall-clock time that occurs twice (clocks going back) resolves to the earlier instant:
  // for a deadline, the stricter reading.
  const earlier = toLocal(guess - HOUR, timeZone);
  if (earlier.hour === local.hour && earlier.minute === local.minute && earlier.day === local.day) return guess - HOUR;
  return guess;
}

function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A local time of day, "HH:MM": the instant a day-counted deadline ends (a filing cut-off). */
export type TimeOfDay = string;

/**
 * The end of a local day: its last instant, or the cut-off time that day (17:30 for EDGAR, 12:00 for
 * DORA's roll-forward). A cut-off is the law's instant: the deadline is neither earlier nor later.
 */
function endOfLocalDay(d: LocalDate, timeZone: string, cutoff?: TimeOfDay): number {
  if (cutoff) {
    const [hour, minute] = cutoff.split(':').map(Number);
    return fromLocal({ ...d, hour, minute, second: 0, ms: 0 }, timeZone);
  }
  return fromLocal({ ...d, hour: 23, minute: 59, second: 59, ms: 999 }, timeZone);
}

/** The instant as the wall clock in `timeZone` shows it, with its offset: 2026-12-04T17:30:00-05:00. */
export function localIso(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  const l = toLocal(ms, timeZone);
  const offsetMin = Math.round((Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms) - ms) / 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = offsetMin < 0 ? '-' : '+';
  const off = Math.abs(offsetMin);
  return `${p(l.year, 4)}-${p(l.month)}-${p(l.day)}T${p(l.hour)}:${p(l.minute)}:${p(l.second)}${sign}${p(Math.floor(off / 60))}:${p(off % 60)}`;
}

export function isWeekend(d: LocalDate): boolean {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd === 0 || wd === 6;
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function addHours(start: string, hours: number): string {
  return iso(Date.parse(start) + hours * HOUR);
}

/** "Within N days": the end of the Nth calendar day after the start day, in the recipient's zone. */
export function addCalendarDays(start: string, days: number, timeZone: string, cutoff?: TimeOfDay): string {
  const local = toLocal(Date.parse(start), timeZone);
  return iso(endOfLocalDay(addDays(local, days), timeZone, cutoff));
}

/** "Within N business days": the end of the Nth working day after the start day. */
export function addBusinessDays(
  start: string,
  days: number,
  timeZone: string,
  calendar: string,
  holidays: HolidayCalendar,
  cutoff?: TimeOfDay,
): string {
  let d: LocalDate = toLocal(Date.parse(start), timeZone);
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d) && !holidays.isHoliday(calendar, d)) left--;
  }
  return iso(endOfLocalDay(d, timeZone, cutoff));
}

/** A deadline on a weekend or holiday moves to a set local time on the next working day (DORA RTS Art. 5(4)). */
export function rollForwardToWorkingDay(
  due: string,
  timeZone: string,
  calendar: string,
  to: TimeOfDay,
  holidays: HolidayCalendar,
): string {
  let d: LocalDate = toLocal(Date.parse(due), timeZone);
  const off = (x: LocalDate) => isWeekend(x) || holidays.isHoliday(calendar, x);
  if (!off(d)) return due;
  while (off(d)) d = addDays(d, 1);
  return iso(endOfLocalDay(d, timeZone, to));
}

/** Calendar months at the same wall-clock time; the 31st becomes the month's last day. */
export function addMonths(start: string, months: number, timeZone: string): string {
  const local = toLocal(Date.parse(start), timeZone);
  const monthIndex = local.month - 1 + months;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(fromLocal({ ...local, year, month, day: Math.min(local.day, lastDay) }, timeZone));
}
