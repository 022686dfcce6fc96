/**
 * Schedule spec semantics for the dev server. Every expected instant is worked out by hand in a comment
 * (wall time in the spec's zone -> UTC). Calendar facts used: 2024-01-01 is a Monday; 2024 is a leap year;
 * US DST 2024 starts Sun 10 Mar (02:00 EST -> 03:00 EDT) and ends Sun 3 Nov (02:00 EDT -> 01:00 EST);
 * EU DST 2024 starts Sun 31 Mar (02:00 CET -> 03:00 CEST) and ends Sun 27 Oct (03:00 CEST -> 02:00 CET).
 */
import fc from 'fast-check';
import Long from 'long';
import type { temporal } from '@temporalio/proto';
import { ScheduleSpecError, compileSpec, nextActionTimes, normalizeSpec } from '../../devserver/schedules/spec';

type Spec = temporal.api.schedule.v1.IScheduleSpec;

const seconds = (s: number) => ({ seconds: Long.fromNumber(s) });
const timestamp = (iso: string) => seconds(Date.parse(iso) / 1000);

/** Next `count` times after `afterIso`, as ISO strings without the ".000". */
function next(spec: Spec, afterIso: string, count: number): string[] {
  const times = nextActionTimes(compileSpec(spec), Date.parse(afterIso), count);
  return times.map((d) => d.toISOString().replace('.000', ''));
}

function specError(spec: Spec): string {
  try {
    compileSpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleSpecError);
    return (error as Error).message;
  }
  throw new Error('expected a ScheduleSpecError');
}

/** An every-value range list, as clients send for "*". */
const all = (start: number, end: number) => [{ start, end, step: 1 }];
const one = (v: number) => [{ start: v }];

describe('cron strings', () => {
  it('fires every 15 minutes, strictly after `after`', () => {
    // 10:07:30 -> the next quarter hours are 10:15, 10:30, 10:45, 11:00.
    expect(next({ cronString: ['*/15 * * * *'] }, '2024-01-01T10:07:30Z', 4)).toEqual([
      '2024-01-01T10:15:00Z',
      '2024-01-01T10:30:00Z',
      '2024-01-01T10:45:00Z',
      '2024-01-01T11:00:00Z',
    ]);
    // Exactly on a match: that match is not "after", so the next one is 10:30.
    expect(next({ cronString: ['*/15 * * * *'] }, '2024-01-01T10:15:00Z', 1)).toEqual(['2024-01-01T10:30:00Z']);
  });

  it('fires at 09:00 Europe/Berlin on weekdays, across a weekend and the March DST change', () => {
    // After Fri 22 Mar 09:30 CET. Sat 23 / Sun 24 skipped. Mon 25 - Fri 29 at 09:00 CET (UTC+1) = 08:00Z.
    // Sun 31 Mar clocks go forward; Mon 1 Apr and Tue 2 Apr at 09:00 CEST (UTC+2) = 07:00Z.
    const spec: Spec = { cronString: ['0 9 * * MON-FRI'], timezoneName: 'Europe/Berlin' };
    expect(next(spec, '2024-03-22T08:30:00Z', 7)).toEqual([
      '2024-03-25T08:00:00Z',
      '2024-03-26T08:00:00Z',
      '2024-03-27T08:00:00Z',
      '2024-03-28T08:00:00Z',
      '2024-03-29T08:00:00Z',
      '2024-04-01T07:00:00Z',
      '2024-04-02T07:00:00Z',
    ]);
  });

  it('compiles `@every 90m/15m` into an interval counted from the Unix epoch', () => {
    // 86400 = 16 * 5400, so every UTC midnight is a multiple of 90 minutes: matches are
    // midnight + 15m + k * 90m -> 00:15, 01:45, 03:15.
    expect(next({ cronString: ['@every 90m/15m'] }, '2024-01-01T00:00:00Z', 3)).toEqual([
      '2024-01-01T00:15:00Z',
      '2024-01-01T01:45:00Z',
      '2024-01-01T03:15:00Z',
    ]);
  });

  it('requires day_of_month AND day_of_week when both are set (no cron "OR" rule)', () => {
    // Friday the 13th: 13 Jan 2024 is a Saturday; adding month lengths mod 7 gives the 13ths' weekdays
    // Feb Tue, Mar Wed, Apr Sat, May Mon, Jun Thu, Jul Sat, Aug Tue, Sep FRI, Oct Sun, Nov Wed, Dec FRI;
    // 2025: Jan Mon, Feb Thu, Mar Thu, Apr Sun, May Tue, Jun FRI.
    expect(next({ cronString: ['0 0 13 * FRI'] }, '2024-01-01T00:00:00Z', 3)).toEqual([
      '2024-09-13T00:00:00Z',
      '2024-12-13T00:00:00Z',
      '2025-06-13T00:00:00Z',
    ]);
  });

  it.each([
    // Sunday as 7, as 0, as a name, and @weekly: the first Sunday after Mon 1 Jan 2024 is 7 Jan.
    ['0 0 * * 7', '2024-01-01T00:00:00Z', ['2024-01-07T00:00:00Z']],
    ['0 0 * * sun', '2024-01-01T00:00:00Z', ['2024-01-07T00:00:00Z']],
    ['@weekly', '2024-01-01T00:00:00Z', ['2024-01-07T00:00:00Z']],
    // 5-7 is Fri, Sat, Sun: 5, 6, 7 Jan 2024.
    ['0 9 * * 5-7', '2024-01-01T00:00:00Z', ['2024-01-05T09:00:00Z', '2024-01-06T09:00:00Z', '2024-01-07T09:00:00Z']],
    // 7 fields: second minute hour dom month dow year -> 06:45:30 every day.
    ['30 45 6 * * * *', '2024-01-01T00:00:00Z', ['2024-01-01T06:45:30Z']],
    // 6 fields end with the year: the next 29 Feb at noon in 2028 is the only match.
    ['0 12 29 FEB * 2028', '2024-03-01T00:00:00Z', ['2028-02-29T12:00:00Z']],
    // Lists, ranges and steps: days 1 and 15, hours 9-10, every 20 minutes.
    [
      '*/20 9-10 1,15 * *',
      '2024-01-01T00:00:00Z',
      ['2024-01-01T09:00:00Z', '2024-01-01T09:20:00Z', '2024-01-01T09:40:00Z', '2024-01-01T10:00:00Z'],
    ],
    ['*/20 9-10 1,15 * *', '2024-01-01T10:40:00Z', ['2024-01-15T09:00:00Z']],
    // Month names by prefix; "x/y" runs from x to the end: Feb/5 = Feb, Jul, Dec.
    [
      '0 0 1 February/5 *',
      '2024-01-01T00:00:00Z',
      ['2024-02-01T00:00:00Z', '2024-07-01T00:00:00Z', '2024-12-01T00:00:00Z'],
    ],
    // A trailing comment is allowed.
    ['@hourly # top of the hour', '2024-01-01T10:30:00Z', ['2024-01-01T11:00:00Z']],
    // "#" always starts the comment, so Quartz-style "MON#2" (second Monday) is just every Monday: Mon 8 Jan.
    ['0 0 * * MON#2', '2024-01-01T00:00:00Z', ['2024-01-08T00:00:00Z']],
    // CRON_TZ / TZ prefixes: 09:00 in Tokyo (UTC+9) is 00:00Z; midnight in New York in January (UTC-5) is 05:00Z.
    ['CRON_TZ=Asia/Tokyo 0 9 * * *', '2024-01-01T01:00:00Z', ['2024-01-02T00:00:00Z']],
    ['TZ=America/New_York @daily', '2024-01-01T06:00:00Z', ['2024-01-02T05:00:00Z']],
  ])('accepts %j', (cron, after, expected) => {
    expect(next({ cronString: [cron] }, after, expected.length)).toEqual(expected);
  });

  it.each([
    // Rejected by the Temporal server too: no "?", "L", "W" or "#", 5-7 fields only, ranges must ascend.
    ['0 0 ? * MON', 'day_of_month "?" is not a number'],
    ['0 0 L * *', 'day_of_month "L" is not a number'],
    ['0 0 * *', 'has 4 fields, expected 5-7'],
    ['0 0 * * FRI-MON', 'day_of_week range end MON is before its start 5'],
    ['*/0 * * * *', 'minute step 0 must be at least 1'],
    ['@every', 'has no interval after @every'],
    ['@every 10x', 'invalid duration "10x"'],
  ])('rejects %j', (cron, reason) => {
    expect(specError({ cronString: [cron] })).toBe(`cron_string[0] ${JSON.stringify(cron)}: ${reason}`);
  });
});

describe('calendar (string) specs', () => {
  it('defaults second/minute/hour to 0 and the date fields to *', () => {
    // {hour: "9"} = 09:00:00 every day.
    expect(next({ calendar: [{ hour: '9' }] }, '2024-01-01T12:00:00Z', 2)).toEqual([
      '2024-01-02T09:00:00Z',
      '2024-01-03T09:00:00Z',
    ]);
  });

  it('parses lists, ranges, steps and names', () => {
    // Fri 5 Jan 2024: hours 9, 13, 17 (9-17/4) at minutes 0 and 30; then Mon 8 Jan 09:00.
    const spec = { calendar: [{ minute: '0,30', hour: '9-17/4', dayOfWeek: 'MON-FRI' }] };
    expect(next(spec, '2024-01-05T16:00:00Z', 4)).toEqual([
      '2024-01-05T17:00:00Z',
      '2024-01-05T17:30:00Z',
      '2024-01-08T09:00:00Z',
      '2024-01-08T09:30:00Z',
    ]);
  });

  it('matches the server test TestSpecMixedCalendarInterval', () => {
    // From temporalio/temporal spec_test.go: calendar 11:55/13:55 plus a 90m interval with 7m phase
    // (00:07, 01:37, ... 10:37, 12:07, 13:37, 15:07).
    const spec = {
      calendar: [{ hour: '11,13', minute: '55' }],
      interval: [{ interval: seconds(5400), phase: seconds(420) }],
    };
    expect(next(spec, '2022-03-23T10:00:00Z', 6)).toEqual([
      '2022-03-23T10:37:00Z',
      '2022-03-23T11:55:00Z',
      '2022-03-23T12:07:00Z',
      '2022-03-23T13:37:00Z',
      '2022-03-23T13:55:00Z',
      '2022-03-23T15:07:00Z',
    ]);
  });
});

describe('structured calendars', () => {
  const weekdayMornings = {
    second: one(0),
    minute: one(0),
    hour: one(9),
    dayOfMonth: all(1, 31),
    month: all(1, 12),
    dayOfWeek: all(1, 5),
  };

  it('matches when every field matches', () => {
    // Sat 6 Jan 2024 -> Mon 8 Jan 09:00, Tue 9 Jan 09:00.
    expect(next({ structuredCalendar: [weekdayMornings] }, '2024-01-06T00:00:00Z', 2)).toEqual([
      '2024-01-08T09:00:00Z',
      '2024-01-09T09:00:00Z',
    ]);
  });

  it('treats an empty field as matching nothing, except year (proto contract and server behaviour)', () => {
    expect(next({ structuredCalendar: [{ ...weekdayMornings, dayOfMonth: [] }] }, '2024-01-06T00:00:00Z', 1)).toEqual(
      [],
    );
    expect(next({ structuredCalendar: [{ ...weekdayMornings, year: [] }] }, '2024-01-06T00:00:00Z', 1)).toEqual([
      '2024-01-08T09:00:00Z',
    ]);
  });

  it('reads end 0 as end = start and step 0 as 1', () => {
    // hour {start: 9, end: 0} is 9 only; minute {0, 30, step 0} is every minute 0-30 -> 09:00, 09:01.
    const cal = { ...weekdayMornings, hour: [{ start: 9, end: 0 }], minute: [{ start: 0, end: 30, step: 0 }] };
    expect(next({ structuredCalendar: [cal] }, '2024-01-08T00:00:00Z', 2)).toEqual([
      '2024-01-08T09:00:00Z',
      '2024-01-08T09:01:00Z',
    ]);
  });
});

describe('daylight saving time (wall-clock matching, as documented on ScheduleSpec.timezone_name)', () => {
  const newYork = (cron: string): Spec => ({ cronString: [cron], timezoneName: 'America/New_York' });

  it('skips a wall time that does not exist (spring forward, America/New_York)', () => {
    // Sat 9 Mar 02:30 EST (UTC-5) = 07:30Z. Sun 10 Mar has no 02:30 (02:00 EST -> 03:00 EDT): no action.
    // Mon 11 Mar 02:30 EDT (UTC-4) = 06:30Z. The Temporal server (Go) computes the same.
    expect(next(newYork('30 2 * * *'), '2024-03-09T00:00:00Z', 2)).toEqual([
      '2024-03-09T07:30:00Z',
      '2024-03-11T06:30:00Z',
    ]);
  });

  it('fires twice for a wall time that happens twice (fall back, America/New_York)', () => {
    // Sun 3 Nov: 01:30 EDT (UTC-4) = 05:30Z, then clocks fall back and 01:30 EST (UTC-5) = 06:30Z.
    // Mon 4 Nov 01:30 EST = 06:30Z. The Temporal server (Go) computes the same.
    expect(next(newYork('30 1 * * *'), '2024-11-02T12:00:00Z', 3)).toEqual([
      '2024-11-03T05:30:00Z',
      '2024-11-03T06:30:00Z',
      '2024-11-04T06:30:00Z',
    ]);
  });

  it('keeps sub-daily schedules continuous across the changes', () => {
    // Spring: 01:45 EST = 06:45Z, then the next quarter hour that exists is 03:00 EDT = 07:00Z.
    expect(next(newYork('*/15 * * * *'), '2024-03-10T06:40:00Z', 3)).toEqual([
      '2024-03-10T06:45:00Z',
      '2024-03-10T07:00:00Z',
      '2024-03-10T07:15:00Z',
    ]);
    // Fall: 01:00, 01:30 EDT (05:00Z, 05:30Z), 01:00, 01:30 EST (06:00Z, 06:30Z), 02:00 EST (07:00Z).
    expect(next(newYork('*/30 * * * *'), '2024-11-03T04:45:00Z', 5)).toEqual([
      '2024-11-03T05:00:00Z',
      '2024-11-03T05:30:00Z',
      '2024-11-03T06:00:00Z',
      '2024-11-03T06:30:00Z',
      '2024-11-03T07:00:00Z',
    ]);
  });

  it('does the same in Europe/Berlin (where the Go server is known to deviate; we keep the documented rule)', () => {
    const berlin: Spec = { cronString: ['30 2 * * *'], timezoneName: 'Europe/Berlin' };
    // Spring: Sat 30 Mar 02:30 CET (UTC+1) = 01:30Z; Sun 31 Mar has no 02:30; Mon 1 Apr 02:30 CEST = 00:30Z.
    expect(next(berlin, '2024-03-30T00:00:00Z', 2)).toEqual(['2024-03-30T01:30:00Z', '2024-04-01T00:30:00Z']);
    // Fall: Sun 27 Oct 02:30 CEST (UTC+2) = 00:30Z and 02:30 CET (UTC+1) = 01:30Z; Mon 28 Oct 02:30 CET = 01:30Z.
    // (By our reading of the server's calendar.go, Go's time.Date resolves 02:30 to CET here and the server
    // fires only at 01:30Z that day; we follow the documented "fires twice" rule instead.)
    expect(next(berlin, '2024-10-26T12:00:00Z', 3)).toEqual([
      '2024-10-27T00:30:00Z',
      '2024-10-27T01:30:00Z',
      '2024-10-28T01:30:00Z',
    ]);
  });
});

describe('start_time / end_time', () => {
  const hourly: Spec = {
    cronString: ['0 * * * *'],
    startTime: timestamp('2024-01-01T10:00:00Z'),
    endTime: timestamp('2024-01-01T12:00:00Z'),
  };

  it('are both inclusive', () => {
    // Hourly, bounded to [10:00, 12:00]: 10:00, 11:00, 12:00 and nothing more.
    expect(next(hourly, '2024-01-01T00:00:00Z', 10)).toEqual([
      '2024-01-01T10:00:00Z',
      '2024-01-01T11:00:00Z',
      '2024-01-01T12:00:00Z',
    ]);
    expect(next(hourly, '2024-01-01T10:30:00Z', 10)).toEqual(['2024-01-01T11:00:00Z', '2024-01-01T12:00:00Z']);
    expect(next(hourly, '2024-01-01T12:00:00Z', 10)).toEqual([]);
  });

  it('bound intervals without shifting their phase', () => {
    // Hourly interval (phase 0) starting at 10:30: the first match at or after 10:30 is 11:00.
    const spec = { interval: [{ interval: seconds(3600) }], startTime: timestamp('2024-01-01T10:30:00Z') };
    expect(next(spec, '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-01T11:00:00Z', '2024-01-01T12:00:00Z']);
  });
});

describe('excludes', () => {
  it('skips times matched by exclude_structured_calendar (daily 09:00 except weekends)', () => {
    // After Fri 5 Jan 12:00: Sat 6 / Sun 7 excluded; Mon 8, Tue 9 at 09:00.
    const spec: Spec = {
      calendar: [{ hour: '9' }],
      excludeStructuredCalendar: [
        {
          second: all(0, 59),
          minute: all(0, 59),
          hour: all(0, 23),
          dayOfMonth: all(1, 31),
          month: all(1, 12),
          dayOfWeek: [{ start: 0 }, { start: 6 }],
        },
      ],
    };
    expect(next(spec, '2024-01-05T12:00:00Z', 2)).toEqual(['2024-01-08T09:00:00Z', '2024-01-09T09:00:00Z']);
  });

  it('applies string exclude_calendar defaults (second/minute/hour 0), so the hour must be given', () => {
    const spec: Spec = { calendar: [{ hour: '9' }], excludeCalendar: [{ hour: '9', dayOfWeek: 'sat,sun' }] };
    expect(next(spec, '2024-01-05T12:00:00Z', 1)).toEqual(['2024-01-08T09:00:00Z']);
    // Without hour the exclude only covers 00:00:00 on weekends and 09:00 still fires on Saturday.
    const loose: Spec = { calendar: [{ hour: '9' }], excludeCalendar: [{ dayOfWeek: 'sat,sun' }] };
    expect(next(loose, '2024-01-05T12:00:00Z', 1)).toEqual(['2024-01-06T09:00:00Z']);
  });

  it('matches the server test TestSpecExclude (nominal times; jitter is ignored)', () => {
    // Every 90m from the epoch (..., 09:00, 10:30, 12:00, 13:30, 15:00, 16:30) minus 12:00-14:59.
    const spec: Spec = {
      interval: [{ interval: seconds(5400) }],
      excludeCalendar: [{ hour: '12-14', minute: '*', second: '*' }],
      jitter: seconds(1),
    };
    expect(next(spec, '2022-03-23T08:00:00Z', 4)).toEqual([
      '2022-03-23T09:00:00Z',
      '2022-03-23T10:30:00Z',
      '2022-03-23T15:00:00Z',
      '2022-03-23T16:30:00Z',
    ]);
  });

  it('returns nothing, quickly, when everything is excluded (server test TestExcludeAll)', () => {
    const spec: Spec = {
      interval: [{ interval: seconds(7 * 86400) }],
      excludeCalendar: [{ second: '*', minute: '*', hour: '*' }],
    };
    const started = performance.now();
    expect(next(spec, '2022-03-23T12:53:02Z', 1)).toEqual([]);
    const everySecondExcluded: Spec = {
      calendar: [{ second: '*', minute: '*', hour: '*' }],
      excludeCalendar: spec.excludeCalendar,
    };
    expect(next(everySecondExcluded, '2022-03-23T12:53:02Z', 1)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('specs that never match again', () => {
  it.each([
    ['year 2020 only', '0 0 1 1 * 2020'],
    ['30 February', '0 0 30 2 *'],
    ['Friday the 31st of April', '0 0 31 4 FRI'],
  ])('%s returns [] quickly', (_name, cron) => {
    const compiled = compileSpec({ cronString: [cron] });
    const started = performance.now();
    expect(nextActionTimes(compiled, Date.parse('2024-06-01T00:00:00Z'), 5)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('stops after 2100, the last calendar year the server recognises', () => {
    // Hourly: 22:00 and 23:00 on 31 Dec 2100, then 2101 is out of range.
    expect(next({ cronString: ['@hourly'] }, '2100-12-31T21:30:00Z', 5)).toEqual([
      '2100-12-31T22:00:00Z',
      '2100-12-31T23:00:00Z',
    ]);
    expect(next({ interval: [{ interval: seconds(3600) }] }, '2100-12-31T21:30:00Z', 5)).toHaveLength(2);
  });
});

describe('validation errors name the field', () => {
  it.each<[string, Spec, string | RegExp]>([
    ['cron minute 61', { cronString: ['61 * * * *'] }, 'cron_string[0] "61 * * * *": minute 61 out of range 0-59'],
    [
      'unknown time zone',
      { timezoneName: 'Mars/Olympus' },
      'timezone_name "Mars/Olympus": unknown time zone (expected an IANA name)',
    ],
    ['unknown CRON_TZ', { cronString: ['CRON_TZ=Nowhere/Land 0 * * * *'] }, /^timezone_name "Nowhere\/Land": unknown/],
    ['interval 0', { interval: [{ interval: seconds(0) }] }, 'interval[0]: interval must be at least 1s (got 0s)'],
    ['missing interval', { interval: [{}] }, 'interval[0]: interval must be at least 1s (got 0s)'],
    [
      'phase >= interval',
      { interval: [{ interval: seconds(60), phase: seconds(60) }] },
      'interval[0]: phase 60s must be less than interval 60s',
    ],
    ['@every 0s', { cronString: ['@every 0s'] }, 'cron_string[0] "@every 0s": interval must be at least 1s (got 0s)'],
    [
      'structured hour 24',
      { structuredCalendar: [{ hour: [{ start: 24 }] }] },
      'structured_calendar[0].hour[0]: start 24 out of range 0-23',
    ],
    [
      'structured end before start',
      { structuredCalendar: [{ hour: [{ start: 16, end: 12 }] }] },
      'structured_calendar[0].hour[0]: end 12 is before start 16',
    ],
    [
      'structured day_of_week 7',
      { structuredCalendar: [{ dayOfWeek: [{ start: 7 }] }] },
      'structured_calendar[0].day_of_week[0]: start 7 out of range 0-6',
    ],
    [
      'structured year 1999',
      { structuredCalendar: [{ year: [{ start: 1999 }] }] },
      'structured_calendar[0].year[0]: start 1999 out of range 2000-2100',
    ],
    ['calendar minute 61', { calendar: [{ minute: '61' }] }, 'calendar[0]: minute 61 out of range 0-59'],
    [
      'exclude_calendar garbage',
      { excludeCalendar: [{ hour: 'noon' }] },
      'exclude_calendar[0]: hour "noon" is not a number',
    ],
    [
      'CRON_TZ vs timezone_name',
      { cronString: ['CRON_TZ=Europe/Berlin 0 9 * * *'], timezoneName: 'Europe/London' },
      'cron_string: CRON_TZ "Europe/Berlin" conflicts with timezone_name "Europe/London"',
    ],
    [
      'cron strings disagree on CRON_TZ',
      { cronString: ['CRON_TZ=Europe/Berlin 0 9 * * *', '0 10 * * *'] },
      'cron_string[1] "0 10 * * *": time zone "" conflicts with other cron strings',
    ],
    [
      'long comment',
      { calendar: [{ hour: '9', comment: 'x'.repeat(201) }] },
      'calendar[0].comment: 201 bytes, limit is 200',
    ],
    ['timezone_data', { timezoneData: new Uint8Array([84, 90, 105, 102]) }, /^timezone_data: .*not supported/],
  ])('%s', (_name, spec, expected) => {
    const message = specError(spec);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('accepts int64 seconds as Long, number or string', () => {
    const asNumber = { interval: [{ interval: { seconds: 60 as unknown as Long } }] };
    const asString = { interval: [{ interval: { seconds: '60' as unknown as Long } }] };
    for (const spec of [{ interval: [{ interval: seconds(60) }] }, asNumber, asString]) {
      expect(next(spec, '2024-01-01T00:00:30Z', 1)).toEqual(['2024-01-01T00:01:00Z']);
    }
  });
});

describe('normalizeSpec', () => {
  it('turns a cron string into the equivalent structured calendar, as DescribeSchedule shows it', () => {
    const spec: Spec = { cronString: ['CRON_TZ=Europe/Berlin 0 9 * * MON-FRI # weekday mornings'] };
    const normalized = normalizeSpec(spec);
    expect(normalized).toEqual({
      structuredCalendar: [
        {
          second: [{ start: 0, end: 0, step: 1 }],
          minute: [{ start: 0, end: 0, step: 1 }],
          hour: [{ start: 9, end: 9, step: 1 }],
          dayOfMonth: [{ start: 1, end: 31, step: 1 }],
          month: [{ start: 1, end: 12, step: 1 }],
          year: [],
          dayOfWeek: [{ start: 1, end: 5, step: 1 }],
          comment: 'weekday mornings',
        },
      ],
      excludeStructuredCalendar: [],
      interval: [],
      timezoneName: 'Europe/Berlin',
    });
    expect(normalized.cronString).toBeUndefined();
    // Same 20 next times from the string and from its structured form (spanning the March DST change).
    const fromString = nextActionTimes(compileSpec(spec), Date.parse('2024-03-20T00:00:00Z'), 20);
    expect(fromString).toHaveLength(20);
    expect(nextActionTimes(compileSpec(normalized), Date.parse('2024-03-20T00:00:00Z'), 20)).toEqual(fromString);
  });

  it('appends calendar, exclude_calendar and @every results after the given entries and keeps the rest', () => {
    const spec: Spec = {
      structuredCalendar: [{ hour: [{ start: 5, end: 0, step: 0 }] }],
      calendar: [{ hour: '5,7', minute: '23' }],
      excludeCalendar: [{ dayOfWeek: 'sun' }],
      cronString: ['@every 43h'],
      interval: [{ interval: seconds(60) }],
      startTime: timestamp('2022-03-23T00:00:00Z'),
      jitter: seconds(300),
      timezoneName: 'Europe/London',
    };
    const normalized = normalizeSpec(spec);
    expect(normalized.calendar).toBeUndefined();
    expect(normalized.excludeCalendar).toBeUndefined();
    expect(normalized.cronString).toBeUndefined();
    expect(normalized.structuredCalendar).toEqual([
      {
        second: [],
        minute: [],
        hour: [{ start: 5, end: 5, step: 1 }],
        dayOfMonth: [],
        month: [],
        year: [],
        dayOfWeek: [],
        comment: '',
      },
      // The server's TestCanonicalize expectation for {Hour: "5,7", Minute: "23"}.
      {
        second: [{ start: 0, end: 0, step: 1 }],
        minute: [{ start: 23, end: 23, step: 1 }],
        hour: [
          { start: 5, end: 5, step: 1 },
          { start: 7, end: 7, step: 1 },
        ],
        dayOfMonth: [{ start: 1, end: 31, step: 1 }],
        month: [{ start: 1, end: 12, step: 1 }],
        year: [],
        dayOfWeek: [{ start: 0, end: 6, step: 1 }],
        comment: '',
      },
    ]);
    expect(normalized.excludeStructuredCalendar?.[0].dayOfWeek).toEqual([{ start: 0, end: 0, step: 1 }]);
    expect(normalized.interval).toEqual([
      { interval: seconds(60) },
      { interval: { seconds: Long.fromNumber(43 * 3600), nanos: 0 } },
    ]);
    expect(normalized.startTime).toEqual(spec.startTime);
    expect(normalized.jitter).toEqual(spec.jitter);
    expect(normalized.timezoneName).toBe('Europe/London');
    // Canonical form is a fixed point.
    expect(normalizeSpec(normalized)).toEqual(normalized);
  });

  it('folds day-of-week 7 into Sunday', () => {
    const dayOfWeek = (cron: string) => normalizeSpec({ cronString: [cron] }).structuredCalendar?.[0].dayOfWeek;
    expect(dayOfWeek('0 0 * * 5-7')).toEqual([
      { start: 0, end: 0, step: 1 },
      { start: 5, end: 6, step: 1 },
    ]);
    expect(dayOfWeek('0 0 * * 1-7/2')).toEqual([
      { start: 0, end: 0, step: 1 },
      { start: 1, end: 6, step: 2 },
    ]);
    expect(dayOfWeek('0 0 * * 3-7/3')).toEqual([{ start: 3, end: 6, step: 3 }]);
    expect(dayOfWeek('0 0 * * 1-7')).toEqual([{ start: 0, end: 6, step: 1 }]);
  });
});

describe('properties', () => {
  it('interval specs: every time is phase + k * interval, strictly increasing, strictly after `after`', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 * 86400 })
          .chain((interval) =>
            fc.record({ interval: fc.constant(interval), phase: fc.integer({ min: 0, max: interval - 1 }) }),
          ),
        fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2090-01-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 20 }),
        ({ interval, phase }, after, count) => {
          const compiled = compileSpec({ interval: [{ interval: seconds(interval), phase: seconds(phase) }] });
          const times = nextActionTimes(compiled, after, count).map((d) => d.getTime() / 1000);
          expect(times).toHaveLength(count);
          expect(times[0] * 1000).toBeGreaterThan(after);
          // Nothing skipped: the first time is within one interval of `after`.
          expect(times[0] * 1000 - after).toBeLessThanOrEqual(interval * 1000);
          times.forEach((t, i) => {
            expect((((t - phase) % interval) + interval) % interval).toBe(0);
            if (i > 0) expect(t - times[i - 1]).toBe(interval);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('calendar specs agree with a brute-force minute-by-minute scan of the wall clock, DST days included', () => {
    // Lord Howe shifts by 30 minutes; Santiago changes at midnight (Sep 8 has no 00:xx, Apr 6 has two 23:xx);
    // Apia skipped 30 Dec 2011 entirely; Kolkata has a half-hour offset and no DST.
    const zones = [
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Pacific/Apia',
      'Asia/Kolkata',
    ];
    // Starts just before the changes above (US Mar 10 / Nov 3, EU Mar 31 / Oct 27, Lord Howe Apr 7 / Oct 6,
    // Santiago Apr 7 / Sep 8, Apia 2011-12-30), or anywhere in 2024-2025.
    const dstDays = [
      '2024-03-09',
      '2024-11-02',
      '2024-03-30',
      '2024-10-26',
      '2024-04-06',
      '2024-10-05',
      '2024-09-07',
      '2011-12-29',
    ];
    const start = fc.oneof(
      fc
        .tuple(fc.constantFrom(...dstDays), fc.integer({ min: 0, max: 36 * 60 }))
        .map(([day, minute]) => Date.parse(`${day}T00:00:00Z`) + minute * 60_000),
      fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:00Z') }),
    );
    const values = (max: number) => fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom(...zones), values(59), values(23), start, (zone, minutes, hours, after) => {
        const cron = `${minutes.join(',')} ${hours.join(',')} * * *`;
        const times = nextActionTimes(compileSpec({ cronString: [cron], timezoneName: zone }), after, 3);
        expect(times).toHaveLength(3);
        expect(times).toEqual(bruteForce(zone, new Set(minutes), new Set(hours), after, times[2].getTime()));
      }),
      { numRuns: 100 },
    );
  });
});

/** Independent oracle: every whole minute in (after, until] whose wall clock (via formatToParts) matches. */
function bruteForce(zone: string, minutes: Set<number>, hours: Set<number>, after: number, until: number): Date[] {
  const options = { timeZone: zone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' } as const;
  const format = new Intl.DateTimeFormat('en-GB', options);
  const out: Date[] = [];
  for (let t = Math.floor(after / 60_000) * 60_000 + 60_000; t <= until; t += 60_000) {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, Number(p.value)]));
    if (minutes.has(parts.minute) && hours.has(parts.hour)) out.push(new Date(t));
  }
  return out;
}

describe('performance', () => {
  it.each(['UTC', 'Europe/Berlin'])('10,000 single-step calls on an every-minute cron in %s take < 1s', (zone) => {
    const compiled = compileSpec({ cronString: ['* * * * *'], timezoneName: zone });
    let after = Date.parse('2024-03-28T00:00:00Z'); // the walk crosses the 31 March DST change
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) after = nextActionTimes(compiled, after, 1)[0].getTime();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    // Every UTC minute is some wall-clock minute, DST or not: 10,000 minutes = 6d 22h 40m later.
    expect(new Date(after).toISOString()).toBe('2024-04-03T22:40:00.000Z');
  });
});
