import { addBusinessDays, addCalendarDays, addHours, addMonths, fromLocal, toLocal } from '../../domain/deadlines';
import { holidays } from '../fixtures';

describe('deadline arithmetic', () => {
  it('hours are exact instants', () => {
    expect(addHours('2026-12-31T23:00:00Z', 72)).toBe('2027-01-03T23:00:00.000Z');
  });

  it('calendar days end at the end of the last day in the recipient time zone', () => {
    // Discovered 22:00 on 1 March in New York (03:00Z on 2 March); 30 days -> end of 31 March, New York time.
    expect(addCalendarDays('2026-03-02T03:00:00Z', 30, 'America/New_York')).toBe('2026-04-01T03:59:59.999Z');
    // The same instant counted in UTC starts a day later.
    expect(addCalendarDays('2026-03-02T03:00:00Z', 30, 'UTC')).toBe('2026-04-01T23:59:59.999Z');
  });

  it('business days skip weekends and federal holidays (SEC: 4 business days over Thanksgiving 2026)', () => {
    // Determined Wednesday 25 November 2026. Thu 26 (Thanksgiving) is a holiday; Fri 27, Mon 30, Tue 1, Wed 2.
    expect(addBusinessDays('2026-11-25T15:00:00Z', 4, 'America/New_York', 'US', holidays)).toBe(
      '2026-12-03T04:59:59.999Z',
    );
  });

  it('business days skip Brazilian holidays (Carnival is not a national holiday; Tiradentes is)', () => {
    // Known Friday 17 April 2026; Tue 21 April is Tiradentes: Mon 20, Wed 22, Thu 23.
    expect(addBusinessDays('2026-04-17T12:00:00Z', 3, 'America/Sao_Paulo', 'BR', holidays)).toBe(
      '2026-04-24T02:59:59.999Z',
    );
  });

  it('holidays are the local dates of whole days off, wherever the zone is from UTC', () => {
    const day = (year: number, month: number, d: number) => ({ year, month, day: d });
    // New Zealand (UTC+13 in summer): Waitangi Day is 6 February, not the day before.
    expect(holidays.isHoliday('NZ', day(2024, 2, 6))).toBe(true);
    expect(holidays.isHoliday('NZ', day(2024, 2, 5))).toBe(false);
    // Singapore: Hari Raya Puasa 2024 was Wednesday 10 April (date-holidays starts it at the eve's sunset).
    expect(holidays.isHoliday('SG', day(2024, 4, 10))).toBe(true);
    expect(holidays.isHoliday('SG', day(2024, 4, 9))).toBe(false);
    // Germany: banks close at 14:00 on 24 and 31 December; both stay working days. Christmas Day does not.
    expect(holidays.isHoliday('DE', day(2026, 12, 24))).toBe(false);
    expect(holidays.isHoliday('DE', day(2026, 12, 31))).toBe(false);
    expect(holidays.isHoliday('DE', day(2026, 12, 25))).toBe(true);
  });

  it('months are calendar months; the 31st becomes the month end', () => {
    expect(addMonths('2026-01-31T10:00:00Z', 1, 'UTC')).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths('2026-11-15T10:00:00Z', 2, 'UTC')).toBe('2027-01-15T10:00:00.000Z');
  });

  it('local time round-trips through the zone, including across a DST change', () => {
    const t = Date.parse('2026-03-08T12:00:00Z');
    expect(fromLocal(toLocal(t, 'America/New_York'), 'America/New_York')).toBe(t);
    const t2 = Date.parse('2026-10-25T00:30:00Z');
    expect(fromLocal(toLocal(t2, 'Europe/Berlin'), 'Europe/Berlin')).toBe(t2);
  });
});
