/**
 * Time-zone arithmetic for schedule specs, built on `Intl.DateTimeFormat` only (no tz database dependency).
 *
 * Everything here works in whole epoch seconds: schedule specs have one-second resolution.
 * A "day number" is the count of days since 1970-01-01 of a *wall-clock* (civil) date.
 */

export const SECONDS_PER_DAY = 86_400;

/**
 * Hot paths call this millions of times; under jest (a vm context) every lookup of the global `Math` goes
 * through the context's interceptors and costs ~40x more, so take it once.
 */
export const floor = Math.floor;

/** Real UTC offsets stay within -12h..+14h; the margin keeps the day window safely wider than any offset. */
const OFFSET_MARGIN_SECONDS = 15 * 3600;

/** How many day layouts a zone remembers; specs revisit the same few days, so a small cache suffices. */
const DAY_CACHE_LIMIT = 4096;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export interface WallClock extends CivilDate {
  dayNumber: number;
  secondOfDay: number; // 0-86399
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

/**
 * A run of wall-clock seconds within one day that all share one UTC offset, so that wall time maps to
 * instants linearly: instant = dayNumber * 86400 + secondOfDay - offset. A normal day is one segment
 * [0, 86400). A spring-forward day has a hole between its two segments (those wall times never happen);
 * a fall-back day has overlapping segments (those wall times happen twice). Segments are in instant order.
 */
export interface DaySegment {
  fromSecond: number; // inclusive second of day
  toSecond: number; // exclusive second of day
  offset: number; // seconds east of UTC
}

// Civil-date conversions (proleptic Gregorian), after Howard Hinnant's days_from_civil / civil_from_days:
// pure integer arithmetic, so no Date object quirks (e.g. Date.UTC mapping years 0-99 to 1900-1999).

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const mp = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1970-01-01 was a Thursday (4). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Splits an epoch second already shifted to wall-clock time into calendar fields. */
export function wallClockFromWallSeconds(wallSeconds: number): WallClock {
  const dayNumber = floor(wallSeconds / SECONDS_PER_DAY);
  const secondOfDay = wallSeconds - dayNumber * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  // Built field by field: object spread here measured ~100x slower on this hot path.
  return {
    year,
    month,
    day,
    dayNumber,
    secondOfDay,
    hour: floor(secondOfDay / 3600),
    minute: floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    weekday: weekdayOf(dayNumber),
  };
}

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** en-US renders "3/10/2024, 02:30:00"; parsing `format()` output is ~4x faster than `formatToParts()`. */
const EN_US_PATTERN = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

export class TimeZone {
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly days = new Map<number, readonly DaySegment[]>();
  /** Most recent offset Intl reported, used to guess which cached day an instant falls on. */
  private lastOffset = 0;

  /** `name` must already be validated by `resolveTimeZone`; UTC skips Intl entirely. */
  constructor(readonly name: string) {
    this.format = name === 'UTC' ? undefined : new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone: name });
  }

  /** Seconds east of UTC in effect at the given instant. */
  offsetAt(epochSecond: number): number {
    if (!this.format) return 0;
    return this.cachedOffsetAt(epochSecond) ?? this.intlOffsetAt(epochSecond);
  }

  wallClockAt(epochSecond: number): WallClock {
    return wallClockFromWallSeconds(epochSecond + this.offsetAt(epochSecond));
  }

  /** The day's wall-clock segments (see DaySegment); empty for a day the zone skipped entirely. */
  daySegments(dayNumber: number): readonly DaySegment[] {
    let segments = this.days.get(dayNumber);
    if (!segments) {
      segments = this.computeDaySegments(dayNumber);
      if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
      this.days.set(dayNumber, segments);
    }
    return segments;
  }

  /** First instant whose wall-clock date is `dayNumber` or later. */
  startOfDay(dayNumber: number): number {
    // A zone can skip a whole calendar day (Pacific/Apia, 2011-12-30); a few days of look-ahead covers it.
    for (let day = dayNumber; day < dayNumber + 3; day++) {
      const first = this.daySegments(day)[0];
      if (first) return day * SECONDS_PER_DAY + first.fromSecond - first.offset;
    }
    return dayNumber * SECONDS_PER_DAY - this.offsetAt(dayNumber * SECONDS_PER_DAY);
  }

  /**
   * The offset from an already computed day layout, when the instant falls in one: searches step from one
   * action time to the next, so the instant is nearly always on a day just visited, and this saves the
   * Intl call (the dominant cost). Instants of different segments never overlap, so the hit is exact.
   */
  private cachedOffsetAt(epochSecond: number): number | undefined {
    const guess = floor((epochSecond + this.lastOffset) / SECONDS_PER_DAY);
    for (let day = guess - 1; day <= guess + 1; day++) {
      for (const segment of this.days.get(day) ?? []) {
        const midnight = day * SECONDS_PER_DAY - segment.offset;
        if (epochSecond >= midnight + segment.fromSecond && epochSecond < midnight + segment.toSecond) {
          return segment.offset;
        }
      }
    }
    return undefined;
  }

  private intlOffsetAt(epochSecond: number): number {
    if (!this.format) return 0;
    const offset = this.wallSecondsAt(epochSecond) - epochSecond;
    this.lastOffset = offset;
    return offset;
  }

  private wallSecondsAt(epochSecond: number): number {
    const format = this.format as Intl.DateTimeFormat;
    const match = EN_US_PATTERN.exec(format.format(epochSecond * 1000));
    if (match) {
      const [, month, day, year, hour, minute, second] = match.map(Number);
      return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    }
    return this.wallSecondsFromParts(format, epochSecond);
  }

  /** Fallback should an ICU version ever render en-US differently. */
  private wallSecondsFromParts(format: Intl.DateTimeFormat, epochSecond: number): number {
    const field = new Map(format.formatToParts(epochSecond * 1000).map((p) => [p.type, Number(p.value)]));
    const get = (type: Intl.DateTimeFormatPartTypes): number => field.get(type) ?? 0;
    const days = daysFromCivil(get('year'), get('month'), get('day'));
    return days * SECONDS_PER_DAY + (get('hour') % 24) * 3600 + get('minute') * 60 + get('second');
  }

  /**
   * Looks at the offsets over a window of instants wide enough to contain every instant whose wall date
   * is `dayNumber`. Equal offsets at both ends means no transition (the overwhelmingly common case, two
   * Intl calls); otherwise binary-search the transition instant to the second and split the day there.
   * Assumes at most one transition within ~2 days, which holds for every zone in the IANA database.
   */
  private computeDaySegments(dayNumber: number): readonly DaySegment[] {
    const dayStart = dayNumber * SECONDS_PER_DAY;
    const windowStart = dayStart - OFFSET_MARGIN_SECONDS;
    const windowEnd = dayStart + SECONDS_PER_DAY + OFFSET_MARGIN_SECONDS;
    const offsetBefore = this.intlOffsetAt(windowStart);
    const offsetAfter = this.intlOffsetAt(windowEnd);
    if (offsetBefore === offsetAfter) return [{ fromSecond: 0, toSecond: SECONDS_PER_DAY, offset: offsetBefore }];

    const transition = this.findTransition(windowStart, windowEnd, offsetBefore);
    const segments = [
      clipToDay(dayStart, windowStart + offsetBefore, transition + offsetBefore, offsetBefore),
      clipToDay(dayStart, transition + offsetAfter, windowEnd + offsetAfter, offsetAfter),
    ];
    return segments.filter((s): s is DaySegment => s !== undefined);
  }

  /** First instant in (low, high] whose offset differs from `offsetAtLow`. */
  private findTransition(low: number, high: number, offsetAtLow: number): number {
    while (high - low > 1) {
      const middle = floor((low + high) / 2);
      if (this.intlOffsetAt(middle) === offsetAtLow) low = middle;
      else high = middle;
    }
    return high;
  }
}

/** Intersects wall-clock range [wallFrom, wallTo) (as epoch-like seconds) with the day starting at dayStart. */
function clipToDay(dayStart: number, wallFrom: number, wallTo: number, offset: number): DaySegment | undefined {
  const fromSecond = Math.max(wallFrom - dayStart, 0);
  const toSecond = Math.min(wallTo - dayStart, SECONDS_PER_DAY);
  return fromSecond < toSecond ? { fromSecond, toSecond, offset } : undefined;
}

const zones = new Map<string, TimeZone>();

/**
 * Resolves a schedule's timezone_name the way the server's time.LoadLocation does for the common cases:
 * '' and 'UTC' mean UTC, 'Local' means the process's zone, anything else must be an IANA name Intl knows
 * (Intl also accepts links such as US/Eastern, and is case-insensitive where Go's file lookup is not).
 * Returns undefined for an unknown name. Zones are shared so their day caches are too.
 */
export function resolveTimeZone(name: string): TimeZone | undefined {
  const requested = name === '' ? 'UTC' : name === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  let zone = zones.get(requested);
  if (!zone) {
    const canonical = canonicalZoneName(requested);
    if (canonical === undefined) return undefined;
    zone = new TimeZone(canonical);
    zones.set(requested, zone);
  }
  return zone;
}

function canonicalZoneName(name: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved === 'Etc/UTC' || resolved === 'Etc/GMT' ? 'UTC' : resolved;
  } catch {
    return undefined;
  }
}
