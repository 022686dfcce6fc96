/**
 * Locale resolution and Intl formatting shared by the renderer, its helpers, the context
 * builder and the required-content probes (so a probe formats a number exactly as the
 * template did).
 */

/** Where a language has several template locales, the one a bare language tag falls back to. */
const DEFAULT_REGION: Record<string, string> = { zh: 'zh-CN' };
export const BASE_LOCALE = 'en';

export interface LocaleChoice {
  /** The locale actually used, one of `available`. */
  locale: string;
  requestedLocale: string;
  /** True unless `locale` is exactly the requested one (compared as canonical BCP 47 tags). */
  fallback: boolean;
}

export function canonicalLocale(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) throw new RangeError('empty');
    return canonical;
  } catch {
    throw new Error(`invalid locale "${tag}" (expected a BCP 47 tag such as "en", "de" or "zh-CN")`);
  }
}

const maximized = (tag: string): string => new Intl.Locale(tag).maximize().toString();
const languageOf = (tag: string): string => new Intl.Locale(tag).language;

/**
 * Picks a template locale for a requested one. Order: the same locale (canonical tags equal,
 * so "zh-cn" = "zh-CN"); the same locale after likely-subtag expansion ("de-DE" → "de",
 * "zh-Hans-CN" → "zh-CN"); the language's default ("zh" → "zh-CN", "zh-TW" → "zh-CN"); any
 * locale of the same language ("de-AT" → "de"); then "en". Anything but the first step is a
 * fallback and is reported as one, even where the difference is only in spelling.
 */
export function resolveLocale(requested: string, available: readonly string[]): LocaleChoice {
  const want = canonicalLocale(requested);
  const canon = available.map((a) => ({ dir: a, tag: canonicalLocale(a) }));
  const exact = canon.find((c) => c.tag === want);
  if (exact) return { locale: exact.dir, requestedLocale: requested, fallback: false };

  const lang = languageOf(want);
  const preferred = DEFAULT_REGION[lang];
  const sameLanguage =
    canon.find((c) => maximized(c.tag) === maximized(want)) ??
    (preferred ? canon.find((c) => c.tag === preferred) : undefined) ??
    canon.find((c) => c.tag === lang) ??
    [...canon].sort((a, b) => a.tag.localeCompare(b.tag)).find((c) => languageOf(c.tag) === lang);
  if (sameLanguage) return { locale: sameLanguage.dir, requestedLocale: requested, fallback: true };

  const base = canon.find((c) => c.tag === BASE_LOCALE);
  if (base) return { locale: base.dir, requestedLocale: requested, fallback: true };
  throw new Error(
    `no template for locale "${requested}" and no "${BASE_LOCALE}" fallback among [${available.join(', ')}]`,
  );
}

/**
 * Locale for Intl formatting: the context's own locale when it is the template's language
 * (a "de-AT" context in the "de" template formats Austrian-style), else the template's locale,
 * so a fallback never produces English text with French dates.
 */
export function formattingLocale(contextLocale: string | null | undefined, templateLocale: string): string {
  if (!contextLocale) return templateLocale;
  try {
    return languageOf(canonicalLocale(contextLocale)) === languageOf(templateLocale) ? contextLocale : templateLocale;
  } catch {
    return templateLocale;
  }
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isValidLocale(tag: string): boolean {
  try {
    canonicalLocale(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * Intl formatters by kind, locale and options: building one costs far more than formatting with
 * it, and a mass notification formats the same few dates in the same few locales for every letter.
 */
const formatters = new Map<string, unknown>();
function formatter<F>(key: string, create: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (f === undefined) formatters.set(key, (f = create()));
  return f;
}

/** "26 November 2026 at 14:05 GMT+1": date, time and the UTC offset in the recipient's zone. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`datetime: "${iso}" is not a valid ISO-8601 instant`);
  return formatter(
    `datetime\u0000${locale}\u0000${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'shortOffset',
      }),
  ).format(d);
}

/** "26 November 2026": the date alone, in the recipient's zone. */
export function formatDate(iso: string, timeZone: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`date: "${iso}" is not a valid ISO-8601 instant`);
  return formatter(
    `date\u0000${locale}\u0000${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }),
  ).format(d);
}

/** A notice section line (contexts.ts NoticeLine), structurally. */
export type FormattableLine =
  | { kind: 'text'; value: string }
  | { kind: 'datetime' | 'date'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'list'; value: string[] };

/** A line's value as the `value` template helper prints it; the required-content probes use the same. */
export function formatLineValue(line: FormattableLine, timeZone: string, locale: string): string {
  switch (line.kind) {
    case 'text':
      return line.value;
    case 'datetime':
      return formatDateTime(line.value, timeZone, locale);
    case 'date':
      return formatDate(line.value, timeZone, locale);
    case 'count':
      return formatNumber(line.value, locale);
    case 'list':
      return formatList(line.value, locale);
    default:
      throw new Error(`value: unknown line kind "${String((line as { kind?: unknown }).kind)}"`);
  }
}

export function formatNumber(n: number, locale: string, maximumFractionDigits = 0): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`number: ${String(n)} is not a finite number`);
  return formatter(
    `number\u0000${locale}\u0000${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
  ).format(n);
}

export function formatList(items: readonly string[], locale: string): string {
  if (!Array.isArray(items)) throw new Error(`list: expected an array, got ${typeof items}`);
  return formatter(
    `list\u0000${locale}`,
    () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
  ).format(items);
}

/** "DE" → "Germany" / "Deutschland" / "德国"; the code itself where Intl has no name. */
export function formatCountry(code: string, locale: string): string {
  if (typeof code !== 'string' || code.length === 0) throw new Error('country: missing country code');
  try {
    const names = formatter(
      `region\u0000${locale}`,
      () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }),
    );
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
