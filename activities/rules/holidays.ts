import Holidays from 'date-holidays';
import type { HolidayCalendar, LocalDate } from '../../domain/deadlines';

/** Public holidays from date-holidays; a calendar code is "US", "BR" or "BR-SP" (country-state). */
export function createHolidayCalendar(): HolidayCalendar {
  const byCode = new Map<string, Holidays>();
  const cache = new Map<string, boolean>();
  return {
    isHoliday(calendar: string, d: LocalDate): boolean {
      const key = `${calendar}:${d.year}-${d.month}-${d.day}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let hd = byCode.get(calendar);
      if (!hd) {
        const [country, state] = calendar.split('-');
        hd = state ? new Holidays(country, state) : new Holidays(country);
        byCode.set(calendar, hd);
      }
      const found = hd.isHoliday(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
      // Only days off for everyone count; observances and optional days do not stop the clock.
      const result = Array.isArray(found) && found.some((h) => h.type === 'public' || h.type === 'bank');
      cache.set(key, result);
      return result;
    },
  };
}
