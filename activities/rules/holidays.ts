import Holidays from 'date-holidays';
import type { HolidayCalendar, LocalDate } from '../../domain/deadlines';

/** "YYYY-MM-DD" of a local date. */
const dayKey = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Public holidays from date-holidays; a calendar code is "US", "BR" or "BR-SP" (country-state).
 * A calendar's holidays are worked out once per year (date-holidays evaluates every rule of the
 * year on each lookup, and a business-day count looks up every day it passes). Shared by all
 * calendars in the process: the data never changes.
 */
const calendars = new Map<string, Holidays>();
const daysOff = new Map<string, Set<string>>();

function holidaysOf(calendar: string): Holidays {
  let hd = calendars.get(calendar);
  if (!hd) {
    const [country, state] = calendar.split('-');
    hd = state ? new Holidays(country, state) : new Holidays(country);
    calendars.set(calendar, hd);
  }
  return hd;
}

/** The local dates of a calendar's days off in a year: public and bank holidays, each day of a multi-day one. */
function daysOffIn(calendar: string, year: number): Set<string> {
  const key = `${calendar}:${year}`;
  let days = daysOff.get(key);
  if (days) return days;
  days = new Set();
  // Only whole days off for everyone count: observances, optional days and afternoons off (German
  // banks close at 14:00 on 24 and 31 December, which stay working days) do not stop the clock.
  for (const h of holidaysOf(calendar).getHolidays(year)) {
    if ((h.type !== 'public' && h.type !== 'bank') || h.date.slice(11, 19) !== '00:00:00') continue;
    const [y, m, d] = h.date.slice(0, 10).split('-').map(Number);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let k = 0; k < length; k++) {
      const day = new Date(Date.UTC(y, m - 1, d + k));
      days.add(dayKey(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()));
    }
  }
  daysOff.set(key, days);
  return days;
}

export function createHolidayCalendar(): HolidayCalendar {
  return {
    isHoliday(calendar: string, d: LocalDate): boolean {
      const key = dayKey(d.year, d.month, d.day);
      // A holiday that starts late in December can run into January: look in both years.
      return daysOffIn(calendar, d.year).has(key) || (d.month === 1 && daysOffIn(calendar, d.year - 1).has(key));
    },
  };
}
