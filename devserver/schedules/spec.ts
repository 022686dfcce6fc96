/**
 * Temporal Schedule specs: validation, canonical form (what DescribeSchedule returns) and the next action
 * times. Semantics follow the proto documentation of temporal.api.schedule.v1 and the server's
 * implementation (temporalio/temporal service/worker/scheduler/spec.go, calendar.go); where the two disagree
 * the choice is noted at the spot. Summary:
 *
 * - A spec fires at the union of its structured calendars, (parsed) calendars, cron strings and intervals,
 *   minus times matching any exclude calendar, within [start_time, end_time] (both inclusive), at
 *   one-second resolution, never after year 2100 (the server's maxCalendarYear).
 * - Structured calendar fields: a time matches when every field matches (day_of_month AND day_of_week).
 *   An empty field matches nothing, except year where empty means every year: this is the proto contract
 *   ("at least one Range must be present") and the server's behaviour. Clients (the TS SDK included) send
 *   explicit defaults; the string CalendarSpec fills its own defaults (second/minute/hour 0, others *).
 * - Calendars are matched against the wall clock in timezone_name. DST: a wall time that does not exist
 *   (02:30 on a spring-forward day) does not fire that day; a wall time that happens twice (01:30 on a
 *   fall-back day) fires twice, at both instants. That is the documented contract (ScheduleSpec.timezone_name
 *   comment) and what the server computes for zones west of Greenwich (e.g. America/New_York; its own test
 *   TestCalendarNextDST uses US/Pacific). In zones whose offset after the fall-back is >= 0 (Europe/London,
 *   Europe/Berlin, ...) Go's time.Date resolves an ambiguous wall time to the later instant, which the
 *   server's repeated-hour handling does not expect (by our reading of calendar.go it then fires the first
 *   copy of the repeated hour for the preceding hour's spec, or skips it); we keep the documented rule there.
 * - Jitter is ignored: times returned are the nominal (pre-jitter) times.
 */
import { google, temporal } from '@temporalio/proto';
import Long from 'long';
import {
  CronSyntaxError,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  ParsedCalendar,
  ValueRange,
  parseCalendarStrings,
  parseCronString,
} from './cron';
import {
  SECONDS_PER_DAY,
  TimeZone,
  WallClock,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  floor,
  resolveTimeZone,
  weekdayOf,
} from './zone';

type ScheduleSpec = temporal.api.schedule.v1.IScheduleSpec;
type StructuredCalendarSpec = temporal.api.schedule.v1.IStructuredCalendarSpec;
type IntervalSpec = temporal.api.schedule.v1.IIntervalSpec;
type Range = temporal.api.schedule.v1.IRange;
type Duration = google.protobuf.IDuration;
type Timestamp = google.protobuf.ITimestamp;

/** int64 fields arrive as Long from the wire but may be plain numbers (or strings) when built in process. */
type Int64 = number | Long | string | null | undefined;

export class ScheduleSpecError extends Error {
  override name = 'ScheduleSpecError';
}

export interface CompiledSpec {
  /** The canonical spec (see normalizeSpec); what DescribeSchedule should return. */
  readonly spec: ScheduleSpec;
  /** Zone the calendars are evaluated in, resolved by Intl ('UTC' when timezone_name is empty). */
  readonly timeZone: string;
  /** Configured jitter in ms, for information: nextActionTimes returns nominal times and ignores it. */
  readonly jitterMs: number;
  /** Internal matchers; treat as opaque. */
  readonly matchers: SpecMatchers;
}

export interface SpecMatchers {
  readonly zone: TimeZone;
  readonly calendars: readonly CalendarMatcher[];
  readonly excludes: readonly CalendarMatcher[];
  readonly intervals: readonly IntervalMatcher[];
  /** Epoch seconds; actions at or after startSecond and at or before endSecond. */
  readonly startSecond: number;
  readonly endSecond: number;
}

export interface CalendarMatcher {
  readonly second: FieldSet;
  readonly minute: FieldSet;
  readonly hour: FieldSet;
  readonly dayOfMonth: FieldSet;
  readonly month: FieldSet;
  readonly dayOfWeek: FieldSet;
  readonly year: YearSet;
  /** Some field other than year has no values at all, so nothing ever matches. */
  readonly matchesNothing: boolean;
}

export interface IntervalMatcher {
  readonly intervalSeconds: number;
  readonly phaseSeconds: number;
}

// ---------------------------------------------------------------------------------------------------------
// Canonical form
// ---------------------------------------------------------------------------------------------------------

type RangeField = 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'year' | 'dayOfWeek';

interface FieldBounds {
  key: RangeField;
  label: string;
  min: number;
  max: number;
}

/** Structured ranges are validated against these (note day_of_week is 0-6 here; 7 is only for strings). */
const STRUCTURED_FIELDS: readonly FieldBounds[] = [
  { key: 'second', label: 'second', min: 0, max: 59 },
  { key: 'minute', label: 'minute', min: 0, max: 59 },
  { key: 'hour', label: 'hour', min: 0, max: 23 },
  { key: 'dayOfMonth', label: 'day_of_month', min: 1, max: 31 },
  { key: 'month', label: 'month', min: 1, max: 12 },
  { key: 'year', label: 'year', min: MIN_CALENDAR_YEAR, max: MAX_CALENDAR_YEAR },
  { key: 'dayOfWeek', label: 'day_of_week', min: 0, max: 6 },
];

/** The server's limit on calendar comments (bytes). */
const MAX_COMMENT_BYTES = 200;

/**
 * The spec as DescribeSchedule shows it: calendar, exclude_calendar and cron_string compiled into
 * structured_calendar / exclude_structured_calendar / interval (appended after the given ones, in that
 * order), a CRON_TZ copied into timezone_name, and every range spelled out (end >= start, step >= 1).
 * Throws ScheduleSpecError for anything CreateSchedule would reject, except an unknown time zone (compileSpec).
 */
export function normalizeSpec(spec: ScheduleSpec): ScheduleSpec {
  const cron = compileCronStrings(spec.cronString ?? []);
  const normalized: ScheduleSpec = {
    structuredCalendar: [
      ...(spec.structuredCalendar ?? []).map((cal, i) => checkedStructured(cal, `structured_calendar[${i}]`)),
      ...(spec.calendar ?? []).map((cal, i) => fromStrings(() => parseCalendarStrings(cal), `calendar[${i}]`)),
      ...cron.calendars,
    ],
    // The server does not validate excludes, only normalises them; an exclude that can never match is harmless.
    excludeStructuredCalendar: [
      ...(spec.excludeStructuredCalendar ?? []).map(cleanStructured),
      ...(spec.excludeCalendar ?? []).map((cal, i) =>
        fromStrings(() => parseCalendarStrings(cal), `exclude_calendar[${i}]`, false),
      ),
    ],
    interval: [...(spec.interval ?? []).map((iv, i) => checkedInterval(iv, `interval[${i}]`)), ...cron.intervals],
    timezoneName: mergedTimeZoneName(spec, cron.timezoneName),
  };
  if (spec.startTime) normalized.startTime = { ...spec.startTime };
  if (spec.endTime) normalized.endTime = { ...spec.endTime };
  if (spec.jitter) normalized.jitter = { ...spec.jitter };
  if (spec.timezoneData && spec.timezoneData.length > 0) normalized.timezoneData = spec.timezoneData;
  return normalized;
}

interface CompiledCron {
  calendars: StructuredCalendarSpec[];
  intervals: IntervalSpec[];
  /** undefined when there are no cron strings; '' when they carry no CRON_TZ. */
  timezoneName: string | undefined;
}

function compileCronStrings(cronStrings: readonly string[]): CompiledCron {
  const out: CompiledCron = { calendars: [], intervals: [], timezoneName: undefined };
  cronStrings.forEach((text, i) => {
    const path = `cron_string[${i}] ${JSON.stringify(text)}`;
    const parsed = withPath(path, () => parseCronString(text));
    // Like the server: all cron strings must agree on their CRON_TZ, including on having none.
    if (out.timezoneName !== undefined && parsed.timezoneName !== out.timezoneName) {
      throw new ScheduleSpecError(`${path}: time zone "${parsed.timezoneName}" conflicts with other cron strings`);
    }
    out.timezoneName = parsed.timezoneName;
    if (parsed.kind === 'calendar') {
      out.calendars.push(structuredFromParsed(parsed.calendar, path, true));
    } else {
      const interval: IntervalSpec = { interval: durationFromNanos(parsed.intervalNanos) };
      if (parsed.phaseNanos !== undefined) interval.phase = durationFromNanos(parsed.phaseNanos);
      out.intervals.push(checkedInterval(interval, path));
    }
  });
  return out;
}

function mergedTimeZoneName(spec: ScheduleSpec, cronZone: string | undefined): string {
  const specZone = spec.timezoneName ?? '';
  if (!cronZone) return specZone;
  const hasData = (spec.timezoneData?.length ?? 0) > 0;
  if ((specZone !== '' && specZone !== cronZone) || hasData) {
    const other = `timezone_name "${specZone}"${hasData ? ' / timezone_data' : ''}`;
    throw new ScheduleSpecError(`cron_string: CRON_TZ "${cronZone}" conflicts with ${other}`);
  }
  return cronZone;
}

function fromStrings(parse: () => ParsedCalendar, path: string, validate = true): StructuredCalendarSpec {
  return structuredFromParsed(withPath(path, parse), path, validate);
}

function structuredFromParsed(cal: ParsedCalendar, path: string, validate: boolean): StructuredCalendarSpec {
  if (validate) checkComment(cal.comment, path);
  return {
    second: cal.second,
    minute: cal.minute,
    hour: cal.hour,
    dayOfMonth: cal.dayOfMonth,
    month: cal.month,
    year: cal.year,
    dayOfWeek: cal.dayOfWeek,
    comment: cal.comment,
  };
}

function withPath<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CronSyntaxError) throw new ScheduleSpecError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The server's validateStructuredCalendar, then the range clean-up DescribeSchedule applies. */
function checkedStructured(cal: StructuredCalendarSpec, path: string): StructuredCalendarSpec {
  for (const field of STRUCTURED_FIELDS) {
    (cal[field.key] ?? []).forEach((range, j) => checkRange(range, `${path}.${field.label}[${j}]`, field));
  }
  checkComment(cal.comment ?? '', path);
  return cleanStructured(cal);
}

/**
 * An unset end (0) means "same as start", but an explicit end below start is rejected, as the server does
 * (its validation is stricter than the Range comment, which says end < start reads as end = start).
 */
function checkRange(range: Range | null, path: string, field: FieldBounds): void {
  if (!range) fail(`${path}: range is null`);
  const start = range.start ?? 0;
  const end = range.end ?? 0;
  const step = range.step ?? 0;
  const within = (v: number): boolean => Number.isInteger(v) && v >= field.min && v <= field.max;
  if (!within(start)) fail(`${path}: start ${start} out of range ${field.min}-${field.max}`);
  if (end !== 0 && !within(end)) fail(`${path}: end ${end} out of range ${field.min}-${field.max}`);
  if (end !== 0 && end < start) fail(`${path}: end ${end} is before start ${start}`);
  if (!Number.isInteger(step) || step < 0) fail(`${path}: step ${step} must be a non-negative integer`);
}

function checkComment(comment: string, path: string): void {
  const bytes = Buffer.byteLength(comment, 'utf8');
  if (bytes > MAX_COMMENT_BYTES) fail(`${path}.comment: ${bytes} bytes, limit is ${MAX_COMMENT_BYTES}`);
}

function fail(message: string): never {
  throw new ScheduleSpecError(message);
}

function cleanStructured(cal: StructuredCalendarSpec): StructuredCalendarSpec {
  const clean = (ranges: Range[] | null | undefined): ValueRange[] => (ranges ?? []).map(cleanRange);
  return {
    second: clean(cal.second),
    minute: clean(cal.minute),
    hour: clean(cal.hour),
    dayOfMonth: clean(cal.dayOfMonth),
    month: clean(cal.month),
    year: clean(cal.year),
    dayOfWeek: clean(cal.dayOfWeek),
    comment: cal.comment ?? '',
  };
}

/** The server's CleanSpec: end < start becomes start, step 0 becomes 1. */
function cleanRange(range: Range): ValueRange {
  const start = range.start ?? 0;
  const end = range.end ?? 0;
  const step = range.step ?? 0;
  return { start, end: Math.max(end, start), step: step === 0 ? 1 : step };
}

// ---------------------------------------------------------------------------------------------------------
// Durations and timestamps
// ---------------------------------------------------------------------------------------------------------

const NANOS_PER_SECOND = 1_000_000_000n;
/** google.protobuf.Duration's documented bound (about 10,000 years). */
const MAX_DURATION_SECONDS = 315_576_000_000n;

function int64(value: Int64): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return BigInt(value.toString());
}

function durationNanos(duration: Duration | null | undefined, path: string): bigint {
  if (!duration) return 0n;
  const seconds = int64(duration.seconds as Int64);
  const nanos = duration.nanos ?? 0;
  const sameSign = seconds === 0n || nanos === 0 || seconds > 0n === nanos > 0;
  const bounded = seconds <= MAX_DURATION_SECONDS && seconds >= -MAX_DURATION_SECONDS;
  if (!Number.isInteger(nanos) || Math.abs(nanos) >= 1e9 || !sameSign || !bounded) {
    fail(`${path}: not a valid duration (seconds ${seconds}, nanos ${nanos})`);
  }
  return seconds * NANOS_PER_SECOND + BigInt(nanos);
}

function durationFromNanos(nanos: bigint): Duration {
  const seconds = nanos / NANOS_PER_SECOND; // truncates toward zero, keeping seconds and nanos the same sign
  return { seconds: Long.fromString(seconds.toString()), nanos: Number(nanos % NANOS_PER_SECOND) };
}

/** The server's validateInterval: interval >= 1s, 0 <= phase < interval. */
function checkedInterval(spec: IntervalSpec, path: string): IntervalSpec {
  const interval = durationNanos(spec.interval, `${path}.interval`);
  const phase = durationNanos(spec.phase, `${path}.phase`);
  if (interval < NANOS_PER_SECOND) fail(`${path}: interval must be at least 1s (got ${formatNanos(interval)})`);
  if (phase < 0n) fail(`${path}: phase must not be negative (got ${formatNanos(phase)})`);
  if (phase >= interval) {
    fail(`${path}: phase ${formatNanos(phase)} must be less than interval ${formatNanos(interval)}`);
  }
  const copy: IntervalSpec = { interval: { ...spec.interval } };
  if (spec.phase) copy.phase = { ...spec.phase };
  return copy;
}

function formatNanos(nanos: bigint): string {
  return `${Number(nanos) / 1e9}s`;
}

/** Whole epoch seconds (floor), which is how the server compares schedule bounds. */
function timestampSeconds(ts: Timestamp | null | undefined): number | undefined {
  return ts ? Number(int64(ts.seconds as Int64)) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------------------------------------

/** Canonicalises (see normalizeSpec), resolves the time zone and builds matchers. Throws ScheduleSpecError. */
export function compileSpec(spec: ScheduleSpec): CompiledSpec {
  const normalized = normalizeSpec(spec);
  const zone = compileTimeZone(normalized);
  const startSecond = timestampSeconds(normalized.startTime) ?? 0; // unset start: the server uses the epoch
  const endSecond = Math.min(timestampSeconds(normalized.endTime) ?? Infinity, LAST_SECOND);
  return {
    spec: normalized,
    timeZone: zone.name,
    jitterMs: jitterMs(normalized.jitter),
    matchers: {
      zone,
      calendars: (normalized.structuredCalendar ?? []).map(compileCalendar),
      excludes: (normalized.excludeStructuredCalendar ?? []).map(compileCalendar),
      intervals: (normalized.interval ?? []).map(compileInterval),
      startSecond,
      endSecond,
    },
  };
}

/** Informational only and not validated by the server, so never an error here. */
function jitterMs(jitter: Duration | null | undefined): number {
  if (!jitter) return 0;
  return Number(int64(jitter.seconds as Int64)) * 1000 + floor((jitter.nanos ?? 0) / 1e6);
}

function compileTimeZone(spec: ScheduleSpec): TimeZone {
  if (spec.timezoneData && spec.timezoneData.length > 0) {
    fail('timezone_data: inline TZif zone definitions are not supported by the dev server; use timezone_name');
  }
  const name = spec.timezoneName ?? '';
  const zone = resolveTimeZone(name);
  if (!zone) fail(`timezone_name ${JSON.stringify(name)}: unknown time zone (expected an IANA name)`);
  return zone;
}

function compileCalendar(cal: StructuredCalendarSpec): CalendarMatcher {
  const fields = {
    second: new FieldSet(cal.second, 0, 59),
    minute: new FieldSet(cal.minute, 0, 59),
    hour: new FieldSet(cal.hour, 0, 23),
    dayOfMonth: new FieldSet(cal.dayOfMonth, 1, 31),
    month: new FieldSet(cal.month, 1, 12),
    dayOfWeek: new FieldSet(cal.dayOfWeek, 0, 6),
  };
  return { ...fields, year: new YearSet(cal.year), matchesNothing: Object.values(fields).some((f) => f.empty) };
}

/** Interval and phase are truncated to whole seconds before use, as documented. */
function compileInterval(spec: IntervalSpec): IntervalMatcher {
  const seconds = (d: Duration | null | undefined): number => Number(durationNanos(d, 'interval') / NANOS_PER_SECOND);
  return { intervalSeconds: seconds(spec.interval), phaseSeconds: seconds(spec.phase) };
}

/** Membership of one bounded calendar field, with O(1) "smallest member >= v" lookups. */
export class FieldSet {
  /** nextFrom[v]: smallest member >= v, or -1. One extra slot so that next(max + 1) is -1. */
  private readonly nextFrom: Int16Array;
  readonly full: boolean;
  readonly empty: boolean;

  constructor(ranges: Range[] | null | undefined, min: number, max: number) {
    const members = new Array<boolean>(max + 1).fill(false);
    for (const range of ranges ?? []) markRange(members, range, min, max);
    this.nextFrom = new Int16Array(max + 2).fill(-1);
    for (let v = max; v >= 0; v--) this.nextFrom[v] = members[v] ? v : this.nextFrom[v + 1];
    this.full = members.slice(min).every(Boolean);
    this.empty = this.nextFrom[0] < 0;
  }

  has(value: number): boolean {
    return this.nextFrom[value] === value;
  }

  /** Smallest member >= value, or -1 if none. */
  next(value: number): number {
    return value < this.nextFrom.length ? this.nextFrom[value] : -1;
  }
}

/** Marks start, start+step, ... <= end, restricted to [min, max]; tolerant of unvalidated (exclude) ranges. */
function markRange(members: boolean[], range: Range, min: number, max: number): void {
  const { start, end, step } = cleanRange(range);
  const stride = Math.max(Math.trunc(step), 1);
  const first = start >= min ? start : start + Math.ceil((min - start) / stride) * stride;
  for (let v = first; v <= Math.min(end, max); v += stride) members[v] = true;
}

/** Years are unbounded in principle, so they stay as arithmetic ranges; no ranges means every year. */
export class YearSet {
  private readonly ranges: readonly ValueRange[];

  constructor(ranges: Range[] | null | undefined) {
    this.ranges = (ranges ?? []).map(cleanRange).map((r) => ({ ...r, step: Math.max(Math.trunc(r.step), 1) }));
  }

  has(year: number): boolean {
    return this.next(year) === year;
  }

  /** Smallest matching year >= year, or undefined. */
  next(year: number): number | undefined {
    if (this.ranges.length === 0) return year;
    let best: number | undefined;
    for (const { start, end, step } of this.ranges) {
      const candidate = year <= start ? start : start + Math.ceil((year - start) / step) * step;
      if (candidate <= end && (best === undefined || candidate < best)) best = candidate;
    }
    return best;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Next action times
// ---------------------------------------------------------------------------------------------------------

/** First second of 2101 UTC: nothing fires after the server's maxCalendarYear. */
const LAST_SECOND = daysFromCivil(MAX_CALENDAR_YEAR + 1, 1, 1) * SECONDS_PER_DAY - 1;

/**
 * How many excluded candidates one result may skip before giving up. Skips jump whole minutes/hours/days
 * where the exclude allows it, so real specs need a handful; this only bounds pathological ones (e.g.
 * everything excluded), which then return fewer times. (The server's equivalent bound is off by default.)
 */
const MAX_EXCLUDED_CANDIDATES = 10_000;

/**
 * The next `count` nominal action times strictly after `after` (epoch ms), ascending. Returns fewer (or
 * none) when the spec runs out: past end_time, past 2100, or too many consecutive excluded candidates.
 * Jitter is not applied.
 */
export function nextActionTimes(compiled: CompiledSpec, after: number, count: number): Date[] {
  const matchers = compiled.matchers;
  const times: Date[] = [];
  if (!Number.isFinite(after)) return times;
  // Starting just before start_time lets start_time itself match, as on the server.
  let cursor = Math.max(floor(after / 1000), matchers.startSecond - 1);
  const wanted = floor(count);
  while (times.length < wanted) {
    const next = nextAllowedTime(matchers, cursor);
    if (next === undefined) break;
    times.push(new Date(next * 1000));
    cursor = next;
  }
  return times;
}

function nextAllowedTime(m: SpecMatchers, after: number): number | undefined {
  let cursor = after;
  for (let skipped = 0; skipped <= MAX_EXCLUDED_CANDIDATES; skipped++) {
    const candidate = nextRawTime(m, cursor);
    if (candidate === undefined || candidate > m.endSecond) return undefined;
    const resumeAt = excludedUntil(m, candidate);
    if (resumeAt === undefined) return candidate;
    cursor = resumeAt - 1;
  }
  return undefined;
}

/** Earliest time after `after` matched by any calendar or interval, ignoring excludes and bounds. */
function nextRawTime(m: SpecMatchers, after: number): number | undefined {
  let best: number | undefined;
  for (const cal of m.calendars) {
    const t = nextCalendarTime(cal, m.zone, after);
    if (t !== undefined && (best === undefined || t < best)) best = t;
  }
  for (const iv of m.intervals) {
    const t = nextIntervalTime(iv, after);
    if (best === undefined || t < best) best = t;
  }
  return best;
}

/** Smallest t > after with (t - phase) mod interval == 0; floor division keeps it right before the epoch too. */
function nextIntervalTime({ intervalSeconds, phaseSeconds }: IntervalMatcher, after: number): number {
  return (floor((after - phaseSeconds) / intervalSeconds) + 1) * intervalSeconds + phaseSeconds;
}

/**
 * If an exclude matches t, the first instant at which the search may resume; undefined if t is allowed.
 * When an exclude matches every second (minute, hour) of t's minute (hour, day), everything up to the end
 * of that unit is excluded too, so we jump there instead of testing each candidate inside it.
 */
function excludedUntil(m: SpecMatchers, t: number): number | undefined {
  if (m.excludes.length === 0) return undefined;
  const wall = m.zone.wallClockAt(t);
  let resumeAt: number | undefined;
  for (const exclude of m.excludes) {
    if (!calendarMatches(exclude, wall)) continue;
    const until = endOfExcludedBlock(exclude, m.zone, t, wall);
    resumeAt = resumeAt === undefined ? until : Math.max(resumeAt, until);
  }
  return resumeAt;
}

function endOfExcludedBlock(exclude: CalendarMatcher, zone: TimeZone, t: number, wall: WallClock): number {
  if (!exclude.second.full) return t + 1;
  if (!exclude.minute.full) return t + 60 - (wall.secondOfDay % 60);
  if (!exclude.hour.full) return t + 3600 - (wall.secondOfDay % 3600);
  // A day is not always 86400 s long, so ask the zone where the next wall-clock day starts.
  return zone.startOfDay(wall.dayNumber + 1);
}

function calendarMatches(cal: CalendarMatcher, wall: WallClock): boolean {
  return (
    cal.second.has(wall.second) &&
    cal.minute.has(wall.minute) &&
    cal.hour.has(wall.hour) &&
    cal.dayOfMonth.has(wall.day) &&
    cal.month.has(wall.month) &&
    cal.dayOfWeek.has(wall.weekday) &&
    cal.year.has(wall.year)
  );
}

/**
 * Walks matching calendar days (pure date arithmetic, no time-zone calls) and, in each, looks for the first
 * matching time of day that lies after `after`. Only the first day or two can fail for being too early, or a
 * day whose only matching times fall in a DST gap, so this visits few days with a non-empty time-of-day set.
 */
function nextCalendarTime(cal: CalendarMatcher, zone: TimeZone, after: number): number | undefined {
  if (cal.matchesNothing) return undefined;
  // Start a day early: a fall-back across midnight can put instants after `after` on the previous wall date.
  let day = zone.wallClockAt(after).dayNumber - 1;
  for (;;) {
    const candidateDay = nextMatchingDay(cal, day);
    if (candidateDay === undefined) return undefined;
    const t = firstTimeInDay(cal, zone, candidateDay, after);
    if (t !== undefined) return t;
    day = candidateDay + 1;
  }
}

/** First day number >= fromDay whose year, month, day of month and day of week all match, up to 2100. */
function nextMatchingDay(cal: CalendarMatcher, fromDay: number): number | undefined {
  let { year, month, day } = civilFromDays(fromDay);
  while (year <= MAX_CALENDAR_YEAR) {
    const matchingYear = cal.year.next(year);
    if (matchingYear === undefined || matchingYear > MAX_CALENDAR_YEAR) return undefined;
    if (matchingYear !== year) [year, month, day] = [matchingYear, 1, 1];
    const matchingMonth = cal.month.next(month);
    if (matchingMonth < 0) {
      [year, month, day] = [year + 1, 1, 1];
      continue;
    }
    if (matchingMonth !== month) [month, day] = [matchingMonth, 1];
    const found = matchingDayInMonth(cal, year, month, day);
    if (found !== undefined) return found;
    [month, day] = [month + 1, 1];
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return undefined;
}

function matchingDayInMonth(cal: CalendarMatcher, year: number, month: number, fromDay: number): number | undefined {
  const lastDay = daysInMonth(year, month);
  for (let d = cal.dayOfMonth.next(fromDay); d >= 0 && d <= lastDay; d = cal.dayOfMonth.next(d + 1)) {
    const dayNumber = daysFromCivil(year, month, d);
    if (cal.dayOfWeek.has(weekdayOf(dayNumber))) return dayNumber;
  }
  return undefined;
}

/**
 * The earliest instant > after on wall date `day` whose time of day matches. Each of the day's segments maps
 * wall time to instants linearly, so within a segment the first matching wall time is the earliest instant;
 * segments come in instant order, so the first hit wins. Wall times in a DST gap belong to no segment and
 * never fire; wall times in a fall-back overlap belong to two segments and fire at both instants.
 */
function firstTimeInDay(cal: CalendarMatcher, zone: TimeZone, day: number, after: number): number | undefined {
  for (const segment of zone.daySegments(day)) {
    const base = day * SECONDS_PER_DAY - segment.offset; // instant of this segment's 00:00:00
    const firstAfter = after + 1 - base;
    const from = firstAfter > segment.fromSecond ? firstAfter : segment.fromSecond;
    if (from >= segment.toSecond) continue;
    const secondOfDay = firstTimeOfDay(cal, from);
    if (secondOfDay !== undefined && secondOfDay < segment.toSecond) return base + secondOfDay;
  }
  return undefined;
}

/** Smallest second of day >= from whose hour, minute and second all match. */
function firstTimeOfDay(cal: CalendarMatcher, from: number): number | undefined {
  let hour = floor(from / 3600);
  let minute = floor((from % 3600) / 60);
  let second = from % 60;
  while (hour < 24) {
    const h = cal.hour.next(hour);
    if (h < 0) return undefined;
    if (h !== hour) [hour, minute, second] = [h, 0, 0];
    const m = cal.minute.next(minute);
    if (m < 0) {
      [hour, minute, second] = [hour + 1, 0, 0];
      continue;
    }
    if (m !== minute) [minute, second] = [m, 0];
    const s = cal.second.next(second);
    if (s >= 0) return hour * 3600 + minute * 60 + s;
    [minute, second] = [minute + 1, 0];
  }
  return undefined;
}
