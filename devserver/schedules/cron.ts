/**
 * Parsers for the string forms of a schedule spec: `cron_string` entries and `CalendarSpec` field
 * expressions. They follow the Temporal server's dialect (service/worker/scheduler/calendar.go) rather than
 * any particular cron implementation, because a dev server must accept and reject what the real one does:
 *
 * - 5 fields `min hour dom month dow`, 6 adds `year`, 7 puts `second` first; `@yearly`/`@annually`,
 *   `@monthly`, `@weekly`, `@daily`/`@midnight`, `@hourly`; `@every <dur>[/<phase>]` becomes an interval.
 * - optional `CRON_TZ=<zone> ` or `TZ=<zone> ` prefix and `# comment` suffix.
 * - each field: `*`, `x`, `x-z`, `x/y` (x to the field's max, step y), `x-z/y`, `*\/y`, comma lists.
 * - month names and day names by prefix (at least 3 / 2 letters, any case): JAN, March, MON, tu, ...
 * - day_of_week accepts 0 or 7 for Sunday.
 * - NOT accepted, as on the server: `?`, `L`, `W`, `#` (nth weekday), and no dom/dow "OR" rule:
 *   when both day fields are restricted a time must match both.
 *
 * Errors are thrown as CronSyntaxError carrying only the reason; the caller adds which spec field failed.
 */

export class CronSyntaxError extends Error {
  override name = 'CronSyntaxError';
}

/** A normalised range: end >= start, step >= 1 (the form DescribeSchedule returns). */
export interface ValueRange {
  start: number;
  end: number;
  step: number;
}

export interface ParsedCalendar {
  second: ValueRange[];
  minute: ValueRange[];
  hour: ValueRange[];
  dayOfMonth: ValueRange[];
  month: ValueRange[];
  /** Empty means every year (the server's encoding of `*` for year). */
  year: ValueRange[];
  dayOfWeek: ValueRange[];
  comment: string;
}

export interface CalendarStrings {
  second?: string | null;
  minute?: string | null;
  hour?: string | null;
  dayOfMonth?: string | null;
  month?: string | null;
  year?: string | null;
  dayOfWeek?: string | null;
  comment?: string | null;
}

export type ParsedCron =
  | { kind: 'calendar'; calendar: ParsedCalendar; timezoneName: string }
  | { kind: 'interval'; intervalNanos: bigint; phaseNanos: bigint | undefined; timezoneName: string };

/** Years outside this window are rejected (calendar.go minCalendarYear / maxCalendarYear). */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

type NameTable = readonly string[];

const MONTH_NAMES: NameTable = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_NAMES: NameTable = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface FieldRule {
  label: string; // snake_case, as in the proto
  min: number;
  max: number;
  fallback: string; // CalendarSpec default when the string is empty
  names?: { table: NameTable; offset: number; minLength: number };
}

const FIELDS = {
  second: { label: 'second', min: 0, max: 59, fallback: '0' },
  minute: { label: 'minute', min: 0, max: 59, fallback: '0' },
  hour: { label: 'hour', min: 0, max: 23, fallback: '0' },
  dayOfMonth: { label: 'day_of_month', min: 1, max: 31, fallback: '*' },
  month: {
    label: 'month',
    min: 1,
    max: 12,
    fallback: '*',
    names: { table: MONTH_NAMES, offset: 1, minLength: 3 },
  },
  year: { label: 'year', min: MIN_CALENDAR_YEAR, max: MAX_CALENDAR_YEAR, fallback: '*' },
  // 7 is accepted here and folded into 0 (Sunday); structured ranges only allow 0-6.
  dayOfWeek: {
    label: 'day_of_week',
    min: 0,
    max: 7,
    fallback: '*',
    names: { table: DAY_NAMES, offset: 0, minLength: 2 },
  },
} satisfies Record<string, FieldRule>;

/** Parses a CalendarSpec (string fields, empty meaning the documented default) into ranges. */
export function parseCalendarStrings(cal: CalendarStrings): ParsedCalendar {
  return {
    second: parseField(cal.second, FIELDS.second),
    minute: parseField(cal.minute, FIELDS.minute),
    hour: parseField(cal.hour, FIELDS.hour),
    dayOfMonth: parseField(cal.dayOfMonth, FIELDS.dayOfMonth),
    month: parseField(cal.month, FIELDS.month),
    year: parseField(cal.year, FIELDS.year),
    dayOfWeek: parseField(cal.dayOfWeek, FIELDS.dayOfWeek),
    comment: cal.comment ?? '',
  };
}

const PREDEFINED: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export function parseCronString(input: string): ParsedCron {
  let text = input.trim();
  let timezoneName = '';
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    const space = text.indexOf(' ');
    if (space < 0) throw new CronSyntaxError('has a time zone prefix but no fields');
    timezoneName = text.slice(text.indexOf('=') + 1, space);
    text = text.slice(space + 1);
  }
  const hash = text.indexOf('#');
  const comment = hash < 0 ? '' : text.slice(hash + 1).trim();
  text = (hash < 0 ? text : text.slice(0, hash)).trim();

  // The server drops a CRON_TZ prefix on @every: intervals are time-zone independent.
  if (text.startsWith('@every')) return { kind: 'interval', ...parseEvery(text), timezoneName: '' };

  const fields = (PREDEFINED[text] ?? text).split(/\s+/).filter((f) => f !== '');
  return { kind: 'calendar', calendar: parseCalendarStrings(cronFields(fields, comment)), timezoneName };
}

function cronFields(fields: string[], comment: string): CalendarStrings {
  const [a, b, c, d, e, f, g] = fields;
  switch (fields.length) {
    case 5:
      return { minute: a, hour: b, dayOfMonth: c, month: d, dayOfWeek: e, comment };
    case 6:
      return { minute: a, hour: b, dayOfMonth: c, month: d, dayOfWeek: e, year: f, comment };
    case 7:
      return { second: a, minute: b, hour: c, dayOfMonth: d, month: e, dayOfWeek: f, year: g, comment };
    default:
      throw new CronSyntaxError(`has ${fields.length} fields, expected 5-7`);
  }
}

/** `@every 90m` or `@every 90m/15m`: exactly one space after @every, as the server splits on it. */
function parseEvery(text: string): { intervalNanos: bigint; phaseNanos: bigint | undefined } {
  const space = text.indexOf(' ');
  if (space < 0) throw new CronSyntaxError('has no interval after @every');
  const [interval, phase] = splitOnce(text.slice(space + 1), '/');
  return { intervalNanos: parseDuration(interval), phaseNanos: phase === undefined ? undefined : parseDuration(phase) };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n, // the server's extension to Go durations: a day is exactly 24h
};

const MAX_DURATION_NANOS = (1n << 63n) - 1n;

/**
 * Go `time.ParseDuration` syntax plus `d` (what the server's timestamp.ParseDuration accepts): a sequence
 * of decimal numbers with units, e.g. "90m", "1h30m", "1.5d", optional sign. Returns nanoseconds.
 */
export function parseDuration(text: string): bigint {
  const match = /^([+-]?)(.+)$/.exec(text);
  const body = match?.[2] ?? '';
  if (body === '0') return 0n;
  const component = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h|d)/y;
  let total = 0n;
  let consumed = 0;
  for (let part = component.exec(body); part && part.index === consumed; part = component.exec(body)) {
    const [whole, integer, fraction = '', unit] = part;
    if (integer === '' && fraction === '') break;
    total += componentNanos(integer, fraction, UNIT_NANOS[unit]);
    consumed += whole.length;
  }
  if (consumed === 0 || consumed !== body.length || total > MAX_DURATION_NANOS) {
    throw new CronSyntaxError(`invalid duration "${text}"`);
  }
  return match?.[1] === '-' ? -total : total;
}

function componentNanos(integer: string, fraction: string, unit: bigint): bigint {
  const whole = BigInt(integer === '' ? '0' : integer) * unit;
  if (fraction === '') return whole;
  return whole + (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
}

/**
 * One field expression to ranges, e.g. "1-5/2,8" -> [{1,5,2}, {8,8,1}]. Mirrors the server's makeRange,
 * including its choices: "x/y" runs from x to the field maximum; "x-z" needs z >= x; year "*" is [].
 */
function parseField(raw: string | null | undefined, rule: FieldRule): ValueRange[] {
  const text = (raw ?? '').trim() || rule.fallback;
  if (text === '*' && rule === FIELDS.year) return [];
  const ranges: ValueRange[] = [];
  for (const part of text.split(',')) ranges.push(...parsePart(part, rule));
  return ranges;
}

function parsePart(part: string, rule: FieldRule): ValueRange[] {
  const [body, stepText] = splitStep(part, rule);
  const step = stepText === undefined ? 1 : parseStep(stepText, rule);
  let start = rule.min;
  let end = rule.max;
  if (body !== '*') {
    const dashes = body.split('-').length - 1;
    if (dashes > 1) throw new CronSyntaxError(`${rule.label} "${part}" has too many dashes`);
    if (dashes === 1) {
      const [low, high] = splitOnce(body, '-');
      start = parseValue(low, rule, rule.min);
      end = parseValue(high ?? '', rule, start);
    } else {
      start = parseValue(body, rule, rule.min);
      // "x/y" means x, x+y, ... up to the maximum; a bare "x" is just x.
      end = stepText === undefined ? start : rule.max;
    }
  }
  return rule === FIELDS.dayOfWeek ? foldSunday(start, end, step) : [{ start, end, step }];
}

function splitStep(part: string, rule: FieldRule): [string, string | undefined] {
  const slashes = part.split('/').length - 1;
  if (slashes > 1) throw new CronSyntaxError(`${rule.label} "${part}" has too many slashes`);
  const [body, step] = splitOnce(part, '/');
  if (step === '') throw new CronSyntaxError(`${rule.label} "${part}" is missing its step value`);
  return [body, step];
}

function parseStep(text: string, rule: FieldRule): number {
  const step = parseInteger(text);
  if (step === undefined) throw new CronSyntaxError(`${rule.label} step "${text}" is not a number`);
  if (step < 1) throw new CronSyntaxError(`${rule.label} step ${step} must be at least 1`);
  return step;
}

/** Go's strconv.Atoi: optional sign then decimal digits, nothing else. */
function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** A number or, for month/day-of-week, a name prefix; `low` is the smallest acceptable value. */
function parseValue(text: string, rule: FieldRule, low: number): number {
  const value = lookupName(text, rule) ?? parseInteger(text);
  if (value === undefined) {
    const kind = rule.names ? `number or ${rule.label === 'month' ? 'month' : 'day'} name` : 'number';
    throw new CronSyntaxError(`${rule.label} "${text}" is not a ${kind}`);
  }
  if (value < rule.min || value > rule.max) {
    throw new CronSyntaxError(`${rule.label} ${value} out of range ${rule.min}-${rule.max}`);
  }
  if (value < low) throw new CronSyntaxError(`${rule.label} range end ${text} is before its start ${low}`);
  return value;
}

function lookupName(text: string, rule: FieldRule): number | undefined {
  const names = rule.names;
  if (!names || text.length < names.minLength) return undefined;
  const prefix = text.toLowerCase();
  const index = names.table.findIndex((name) => name.startsWith(prefix));
  return index < 0 ? undefined : index + names.offset;
}

/**
 * Day-of-week 7 is Sunday, but structured ranges only hold 0-6. When 7 is one of the range's values,
 * emit Sunday as a separate 0 unless the range already starts at 0 or 1 with step 1 (then 0-6/1-6 plus
 * Sunday is simply 0-6). Examples: 5-7 -> 0, 5-6; 1-7/2 -> 0, 1-6/2; 7 -> 0; 0-7 -> 0-6; 3-7/3 -> 3-6/3.
 */
function foldSunday(start: number, end: number, step: number): ValueRange[] {
  if (end !== 7) return [{ start, end, step }];
  const includesSeven = (7 - start) % step === 0;
  if (includesSeven && step === 1 && start <= 1) return [{ start: 0, end: 6, step: 1 }];
  const sunday = includesSeven ? [{ start: 0, end: 0, step: 1 }] : [];
  return start === 7 ? sunday : [...sunday, { start, end: 6, step }];
}
