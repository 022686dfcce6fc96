/**
 * Proof that a rendered notice carries the content its obligation requires: for each element id
 * of `requiredContent` (rules/*.json), the section the context builder made for it must appear
 * in the rendered text AND html part — its heading, its labels and its values, formatted as the
 * template formats them. Tests run this for every kind and locale; the activity layer can run
 * the same check on each draft before it is sent.
 */
import Handlebars from 'handlebars';
import type { ObligationNoticeContext, NoticeSection } from './contexts';
import { formatLineValue, formattingLocale } from './locale';
import { normalizeBodyFragment } from './sanitize';

/** The strings that must appear for one section, values formatted in `formatLocale`. */
export function sectionProbes(
  ctx: Pick<ObligationNoticeContext, 'timeZone'>,
  section: NoticeSection,
  formatLocale: string,
): string[] {
  return [
    ...(section.groupHeading !== null ? [section.groupHeading] : []),
    section.heading,
    ...section.lines.flatMap((l) => [
      ...(l.label !== null ? [l.label] : []),
      formatLineValue(l, ctx.timeZone, formatLocale),
    ]),
  ];
}

/** Non-blank lines of a value: templates may wrap multi-line text in paragraphs. */
const lines = (s: string): string[] =>
  s
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function appearsInText(value: string, text: string): boolean {
  const body = normalizeBodyFragment(text);
  return lines(normalizeBodyFragment(value)).every((l) => body.includes(l));
}

export function appearsInHtml(value: string, html: string): boolean {
  return lines(value).every((l) => html.includes(Handlebars.escapeExpression(l)));
}

export interface RequiredContentCheck {
  /** Elements whose heading or values are not all present, with where they are missing. */
  missing: { id: string; part: 'text' | 'html'; values: string[] }[];
  /** Required ids the context has no section for: not verifiable, so not to be treated as present. */
  unprobed: string[];
}

/** Which required elements a rendered notice fails to carry. Empty `missing` and `unprobed` = complete. */
export function checkRequiredContent(
  ids: readonly string[],
  ctx: Pick<ObligationNoticeContext, 'sections' | 'locale' | 'timeZone'>,
  rendered: { locale: string; text: string; html: string },
): RequiredContentCheck {
  const loc = formattingLocale(ctx.locale, rendered.locale);
  const result: RequiredContentCheck = { missing: [], unprobed: [] };
  for (const id of ids) {
    const section = ctx.sections.find((s) => s.id === id);
    if (!section) {
      result.unprobed.push(id);
      continue;
    }
    const values = sectionProbes(ctx, section, loc);
    const inText = values.filter((v) => !appearsInText(v, rendered.text));
    const inHtml = values.filter((v) => !appearsInHtml(v, rendered.html));
    if (inText.length) result.missing.push({ id, part: 'text', values: inText });
    if (inHtml.length) result.missing.push({ id, part: 'html', values: inHtml });
  }
  return result;
}
