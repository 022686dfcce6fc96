/**
 * One letter for several obligations: the wording common to all once, then, for each law, what
 * it requires that the others do not already say, in a section of its own; in the person's
 * language. A supplementary letter carries only what is new for obligations added after a
 * person's earlier letter.
 *
 * Built from the same contexts as each obligation's own notice (buildNoticeContext) and written
 * with the individuals layout, so every section a law requires appears exactly as in its own
 * notice; the required-content check then runs per law on the composed letter. A letter of one
 * obligation is that obligation's own notice, byte for byte.
 */
import { createHash } from 'node:crypto';
import {
  buildNoticeContext,
  checkRequiredContent,
  obligationKindSpec,
  ObligationNoticeContext,
  type NoticeContextRequest,
  type NoticeRenderer,
  type NoticeSection,
  type RenderedNotice,
} from '../notices';
import { formattingLocale, resolveLocale } from '../notices/locale';
import { createEnvironment, type RenderData } from '../notices/render-helpers';
import { sanitizeBodyText, sanitizeHeaderText } from '../notices/sanitize';
import { LAYOUT_PARTS, type Catalogue, type KindText, type LayoutPart } from '../notices/wording';

/** One obligation's notice, as its approved draft was made (no recipient data). */
export interface LetterPart {
  noticeId: string;
  kind: string;
  request: Omit<NoticeContextRequest, 'locale'>;
}

export interface LawCheck {
  noticeId: string;
  /** Required elements missing from the letter (must be empty for the letter to go). */
  missing: string[];
  unprobed: string[];
  /** Required elements this (supplementary) letter leaves out because an earlier letter said them, word for word. */
  givenBefore: string[];
}

export interface ComposedLetter {
  subject: string;
  text: string;
  html: string;
  locale: string;
  requestedLocale: string;
  fallback: boolean;
  templateVersion: string;
  /** SHA-256 of subject, text and html: the same for everyone sent this variant. */
  variantHash: string;
  notices: string[];
  coveredBefore: string[];
  combined: boolean;
  supplementary: boolean;
  checks: LawCheck[];
}

/** The letter wording (locales/<locale>.json `sentences`): fragments evaluated against the letter's context. */
export const LETTER_SENTENCES = {
  title: 'letterTitle',
  intro: 'letterIntro',
  supplementTitle: 'letterSupplementTitle',
  supplementIntro: 'letterSupplementIntro',
  lawHeading: 'letterLawHeading',
  lawWhy: 'letterLawWhy',
} as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const signature = (s: NoticeSection) => JSON.stringify([s.id, s.heading, s.lines]);
const dueOf = (p: LetterPart) =>
  p.request.obligation.dueAt ?? p.request.obligation.internalTargetAt ?? '9999-12-31T23:59:59Z';

export class LetterCompositionError extends Error {
  override name = 'LetterCompositionError';
}

type Compiled = (context: unknown, options?: { data?: unknown }) => string;

export function createLetterComposer(renderer: NoticeRenderer, opts: { cacheSize?: number } = {}) {
  const cacheSize = opts.cacheSize ?? 256;
  const cache = new Map<string, ComposedLetter>();
  const envs = new Map<
    string,
    { layout: Record<LayoutPart, Compiled>; words: Map<string, Compiled>; source: string }
  >();

  function env(plan: string | null) {
    let e = envs.get(plan ?? '');
    if (!e) {
      const hb = createEnvironment();
      const w = renderer.wording.forPlan(plan);
      const layout = {} as Record<LayoutPart, Compiled>;
      let source = '';
      for (const part of LAYOUT_PARTS) {
        const { file, source: src } = w.layout('individuals', part);
        layout[part] = hb.compileChecked(src, part, file);
        source += `${part}\0${src}\0`;
      }
      // A law's title and intro are wording fragments: evaluated against that law's own context.
      const words = new Map<string, Compiled>();
      for (const key of ['title', 'intro'])
        words.set(key, hb.compileChecked(`{{w "${key}"}}`, 'text', `letter:${key}`));
      e = { layout, words, source };
      envs.set(plan ?? '', e);
    }
    return e;
  }

  function renderData(
    plan: string | null,
    templateLocale: string,
    ctx: ObligationNoticeContext,
    words: KindText,
    advice: readonly string[],
    kind: string,
    part: LayoutPart,
  ): RenderData {
    const w = renderer.wording.forPlan(plan);
    const phraseLocale = resolveLocale(templateLocale, w.locales()).locale;
    return {
      templateLocale,
      phraseLocale,
      cat: w.catalogue(phraseLocale),
      words,
      kind,
      part,
      advice,
      grouped: true,
      wordingFile: null,
      formatLocale: formattingLocale(ctx.locale, templateLocale),
      timeZone: ctx.timeZone,
    };
  }

  function kindWords(plan: string | null, kind: string, locale: string) {
    const spec = obligationKindSpec(kind);
    if (!spec) throw new LetterCompositionError(`unknown notice kind "${kind}"`);
    const kw = renderer.wording.forPlan(plan).kind(spec.regime, spec.key, spec.recipient);
    return { words: kw?.locales[locale] ?? {}, advice: kw?.advice ?? [] };
  }

  function sentence(cat: Catalogue, key: string): string {
    const s = cat.sentences[key];
    if (s === undefined) throw new LetterCompositionError(`no sentence "${key}" in locales/${cat.locale}.json`);
    return s;
  }

  /** The notice of one obligation, exactly as its own campaign would send it. */
  function single(part: LetterPart, locale: string): ComposedLetter {
    const ctx = buildNoticeContext(part.kind, { ...part.request, locale }, renderer.wording);
    const r = renderer.render(part.kind, locale, ctx);
    const check = checkRequiredContent(part.request.obligation.requiredContent, ctx, r);
    return finish(r, [part], [], [lawCheck(part.noticeId, check, new Set())], r.templateVersion, false, false);
  }

  function lawCheck(noticeId: string, check: ReturnType<typeof checkRequiredContent>, given: Set<string>): LawCheck {
    const missing = [...new Set(check.missing.map((m) => m.id))];
    return {
      noticeId,
      missing: missing.filter((id) => !given.has(id)),
      unprobed: check.unprobed,
      givenBefore: missing.filter((id) => given.has(id)),
    };
  }

  function finish(
    r: Pick<RenderedNotice, 'subject' | 'text' | 'html' | 'locale' | 'requestedLocale' | 'fallback'>,
    parts: LetterPart[],
    before: LetterPart[],
    checks: LawCheck[],
    templateVersion: string,
    combined: boolean,
    supplementary: boolean,
  ): ComposedLetter {
    const bad = checks.filter((c) => c.missing.length || c.unprobed.length);
    if (bad.length)
      throw new LetterCompositionError(
        `the letter for ${parts.map((p) => p.noticeId).join(' + ')} lacks required content: ${JSON.stringify(bad)}`,
      );
    return {
      subject: r.subject,
      text: r.text,
      html: r.html,
      locale: r.locale,
      requestedLocale: r.requestedLocale,
      fallback: r.fallback,
      templateVersion,
      variantHash: sha256(JSON.stringify([r.subject, r.text, r.html])),
      notices: parts.map((p) => p.noticeId).sort(),
      coveredBefore: before.map((p) => p.noticeId).sort(),
      combined,
      supplementary,
      checks,
    };
  }

  function combine(parts: LetterPart[], before: LetterPart[], locale: string): ComposedLetter {
    const plan = parts[0].request.plan ?? null;
    const ordered = [...parts].sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.noticeId.localeCompare(b.noticeId));
    // One language for the whole letter: the person's, among those every constituent is written in.
    const shared = ordered.map((p) => renderer.locales(p.kind)).reduce((acc, ls) => acc.filter((l) => ls.includes(l)));
    const choice = resolveLocale(locale, shared);
    const L = choice.locale;
    // Formatting follows the person's locale when every constituent would pick the same template.
    const ctxLocale = ordered.every((p) => renderer.resolveLocale(p.kind, locale).locale === L) ? locale : L;
    const ctxOf = (p: LetterPart) => buildNoticeContext(p.kind, { ...p.request, locale: ctxLocale }, renderer.wording);
    const ctxs = ordered.map(ctxOf);
    const beforeCtxs = before.map(ctxOf);
    // Each constituent on its own, for its template version (and to prove it renders).
    const versions = ordered.map((p, i) => renderer.render(p.kind, ctxLocale, ctxs[i]).templateVersion);
    const e = env(plan);

    const given = new Set(beforeCtxs.flatMap((c) => c.sections.map(signature)));
    const supplementary = before.length > 0;
    // Common: the same section (heading, labels, values) in every constituent, and at most one group heading for it.
    const common: NoticeSection[] = [];
    if (!supplementary) {
      for (const s of ctxs[0].sections) {
        const copies = ctxs.map((c) => c.sections.find((x) => signature(x) === signature(s)));
        if (copies.some((c) => !c)) continue;
        const groupHeadings = [...new Set(copies.map((c) => c!.groupHeading).filter((g) => g !== null))];
        if (groupHeadings.length > 1) continue;
        common.push({ ...s, groupHeading: groupHeadings[0] ?? null });
      }
    }
    const placed = new Set([...common.map(signature), ...given]);

    const baseData = renderData(plan, L, ctxs[0], {}, [], 'letter', 'text');
    const sections: NoticeSection[] = [...common];
    const advice: string[] = [];
    ordered.forEach((p, i) => {
      const { words, advice: own } = kindWords(plan, p.kind, L);
      for (const a of own) if (!advice.includes(a)) advice.push(a);
      const data = renderData(plan, L, ctxs[i], words, own, p.kind, 'text');
      const title = words.title !== undefined ? e.words.get('title')!(ctxs[i], { data }) : ctxs[i].obligation.regime;
      const intro = words.intro !== undefined ? e.words.get('intro')!(ctxs[i], { data }) : null;
      sections.push({
        id: `law-${i + 1}`,
        ordinal: 1,
        groupHeading: sentence(baseData.cat, LETTER_SENTENCES.lawHeading)
          .replace('{title}', title)
          .replace('{jurisdiction}', ctxs[i].jurisdictionName),
        heading: sentence(baseData.cat, LETTER_SENTENCES.lawWhy),
        lines: [{ kind: 'text', label: null, value: intro ?? title }],
        pending: false,
      });
      for (const s of ctxs[i].sections) {
        const sig = signature(s);
        if (placed.has(sig)) continue;
        placed.add(sig);
        sections.push(s);
      }
    });
    const pending = [...new Set(ctxs.flatMap((c) => c.pending))];
    const letterCtx = ObligationNoticeContext.parse({
      ...ctxs[0],
      sections: sections.map((s, i) => ({ ...s, ordinal: i + 1 })),
      pending,
      hasPending: pending.length > 0,
    });
    const words: KindText = {
      title: sentence(baseData.cat, supplementary ? LETTER_SENTENCES.supplementTitle : LETTER_SENTENCES.title),
      intro: sentence(baseData.cat, supplementary ? LETTER_SENTENCES.supplementIntro : LETTER_SENTENCES.intro),
    };
    const run = (part: LayoutPart) =>
      e.layout[part](letterCtx, { data: renderData(plan, L, letterCtx, words, advice, 'letter', part) });
    const rendered = {
      subject: sanitizeHeaderText(run('subject')),
      text: sanitizeBodyText(run('text')),
      html: run('html'),
      locale: L,
      requestedLocale: locale,
      fallback: choice.fallback,
    };
    const givenIds = new Set(beforeCtxs.flatMap((c) => c.sections.map((s) => s.id)));
    const checks = ordered.map((p, i) =>
      lawCheck(p.noticeId, checkRequiredContent(p.request.obligation.requiredContent, ctxs[i], rendered), givenIds),
    );
    const templateVersion = sha256(
      JSON.stringify(['letter', e.source, versions, words, baseData.cat.sentences[LETTER_SENTENCES.lawHeading]]),
    ).slice(0, 12);
    return finish(rendered, ordered, before, checks, templateVersion, true, supplementary);
  }

  /**
   * The letter for `parts` (the obligations it satisfies) in `locale`, after earlier letters that
   * satisfied `before`. Cached per variant: `partsKey` names the set of notice requests the
   * variant is drawn from (the same for a whole round), so rendering happens once per variant,
   * not once per person.
   */
  function compose(parts: LetterPart[], before: LetterPart[], locale: string, partsKey?: string): ComposedLetter {
    if (!parts.length) throw new LetterCompositionError('a letter needs at least one obligation');
    const key = partsKey
      ? `${partsKey}\0${parts.map((p) => p.noticeId).join(',')}\0${before.map((p) => p.noticeId).join(',')}\0${locale}`
      : undefined;
    const hit = key ? cache.get(key) : undefined;
    if (hit) return hit;
    const letter =
      parts.length === 1 && before.length === 0 ? single(parts[0], locale) : combine(parts, before, locale);
    if (key) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(key, letter);
    }
    return letter;
  }

  return { compose };
}
export type LetterComposer = ReturnType<typeof createLetterComposer>;

/** A stable key for a set of letter parts (one round's approved notices). */
export function partsKey(parts: readonly LetterPart[]): string {
  return sha256(JSON.stringify(parts)).slice(0, 32);
}
