import { reviewSlot } from '../../domain/review';
import { holidays } from '../fixtures';

const slot = (after: string, over: Partial<Parameters<typeof reviewSlot>[0]> = {}) =>
  reviewSlot(
    { after, businessDays: 5, timeZone: 'Europe/Berlin', startHour: 10, durationMinutes: 60, ...over },
    holidays,
  );

describe('the review date', () => {
  it('is the fifth business day after containment at the local start hour', () => {
    // Contained on a Wednesday: Thu, Fri, Mon, Tue, Wed.
    expect(slot('2026-03-04T16:00:00Z')).toEqual({
      start: '2026-03-11T09:00:00.000Z',
      end: '2026-03-11T10:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });

  it("skips the plan's public holidays and follows daylight saving time", () => {
    // Contained Thursday 2 April 2026: Good Friday and Easter Monday are holidays in Berlin; clocks moved to CEST on 29 March.
    expect(slot('2026-04-02T12:00:00Z', { holidayCalendar: 'DE-BE' }).start).toBe('2026-04-13T08:00:00.000Z');
    // Without a holiday calendar only weekends count.
    expect(slot('2026-04-02T12:00:00Z').start).toBe('2026-04-09T08:00:00.000Z');
  });

  it('reckons the day in the plan time zone: late evening in New York is already the next day in Berlin', () => {
    expect(slot('2026-03-03T23:30:00Z', { timeZone: 'America/New_York', startHour: 9 }).start).toBe(
      '2026-03-10T13:00:00.000Z',
    );
    expect(slot('2026-03-03T23:30:00Z', { businessDays: 1 }).start).toBe('2026-03-05T09:00:00.000Z');
  });
});
