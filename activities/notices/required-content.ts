/**
 * The content a notice must carry, as element ids matching an obligation's `requiredContent`
 * (rules/*.json), and for each id the values from the context that must appear in the
 * rendered notice. Tests prove every template carries every element; the activity layer can
 * run the same check on each draft before it is sent.
 */
import Handlebars from 'handlebars';
import type { GdprNoticeContext } from './contexts';
import { formatNumber, formattingLocale } from './locale';
import { normalizeBodyFragment } from './sanitize';

/** GDPR Art. 33(3)(a)–(d), notice to the supervisory authority. */
export const GDPR_ART33_ELEMENTS = [
  'nature', 'subject-categories-and-count', 'record-categories-and-count', 'contact-point', 'likely-consequences', 'measures',
] as const;
/** GDPR Art. 34(2), communication to the data subjects: nature plus Art. 33(3)(b)–(d). */
export const GDPR_ART34_ELEMENTS = ['nature', 'contact-point', 'likely-consequences', 'measures'] as const;

export type RequiredContentId = (typeof GDPR_ART33_ELEMENTS)[number];

export const REQUIRED_CONTENT_BY_KIND = {
  'gdpr-authority': GDPR_ART33_ELEMENTS,
  'gdpr-individuals': GDPR_ART34_ELEMENTS,
} as const;

/**
 * Strings that must appear for each element. Counts are formatted as the template formats
 * them (`formatLocale`, by default the context's locale); an unknown (null) count contributes
 * nothing, the template then states that it is not yet known.
 */
export const REQUIRED_CONTENT_PROBES: Record<RequiredContentId, (ctx: GdprNoticeContext, formatLocale?: string) => string[]> = {
  nature: (c) => [c.nature],
  'subject-categories-and-count': (c, loc = c.locale) => [
    ...c.subjectCategories,
    ...(c.subjectCount !== null ? [formatNumber(c.subjectCount, loc)] : []),
  ],
  'record-categories-and-count': (c, loc = c.locale) => [
    ...c.dataCategories,
    ...(c.recordCount !== null ? [formatNumber(c.recordCount, loc)] : []),
  ],
  'contact-point': (c) => [c.contact.name, c.contact.email, ...(c.contact.phone !== null ? [c.contact.phone] : [])],
  'likely-consequences': (c) => [c.likelyConsequences],
  measures: (c) => [c.measuresTaken],
};

export function isRequiredContentId(id: string): id is RequiredContentId {
  return Object.prototype.hasOwnProperty.call(REQUIRED_CONTENT_PROBES, id);
}

/** Non-blank lines of a value: templates may wrap multi-line text in paragraphs. */
const lines = (s: string): string[] => s.split(/\r\n?|\n/).map((l) => l.trim()).filter((l) => l.length > 0);

export function appearsInText(value: string, text: string): boolean {
  const body = normalizeBodyFragment(text);
  return lines(normalizeBodyFragment(value)).every((l) => body.includes(l));
}

export function appearsInHtml(value: string, html: string): boolean {
  return lines(value).every((l) => html.includes(Handlebars.escapeExpression(l)));
}

export interface RequiredContentCheck {
  /** Elements whose values are not all present, with where they are missing. */
  missing: { id: string; part: 'text' | 'html'; values: string[] }[];
  /** Ids we have no probe for: not verifiable, so not to be treated as present. */
  unprobed: string[];
}

/** Which required elements a rendered notice fails to carry. Empty `missing` and `unprobed` = complete. */
export function checkRequiredContent(
  ids: readonly string[],
  ctx: GdprNoticeContext,
  rendered: { locale: string; text: string; html: string },
): RequiredContentCheck {
  const loc = formattingLocale(ctx.locale, rendered.locale);
  const result: RequiredContentCheck = { missing: [], unprobed: [] };
  for (const id of ids) {
    if (!isRequiredContentId(id)) {
      result.unprobed.push(id);
      continue;
    }
    const values = REQUIRED_CONTENT_PROBES[id](ctx, loc);
    const inText = values.filter((v) => !appearsInText(v, rendered.text));
    const inHtml = values.filter((v) => !appearsInHtml(v, rendered.html));
    if (inText.length) result.missing.push({ id, part: 'text', values: inText });
    if (inHtml.length) result.missing.push({ id, part: 'html', values: inHtml });
  }
  return result;
}
