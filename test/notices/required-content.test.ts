/**
 * Every obligation any rules/*.json file can emit has a notice kind, with wording in every
 * locale its regime lists, and every notice carries every element of the obligation's
 * requiredContent — its heading and its value — in the text AND the html part.
 * Unknown elements are rendered as "to follow" and reported as pending.
 */
import {
  checkRequiredContent,
  createNoticeRenderer,
  ELEMENT_IDS,
  noticeKind,
  OBLIGATION_KINDS,
  REGIME_LOCALES,
  sectionProbes,
  TEMPLATE_LOCALES,
  TO_FOLLOW,
  TO_FOLLOW_PUBLIC,
} from '../../activities/notices';
import { appearsInHtml, appearsInText } from '../../activities/notices/required-content';
import { formattingLocale } from '../../activities/notices/locale';
import {
  contextFor,
  minimalFacts,
  obligationFor,
  ruleObligations,
  TEMPLATES_DIR,
  type RuleObligation,
} from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const RULES = ruleObligations();
const kindOf = (o: RuleObligation) => noticeKind(obligationFor(o));

/** The locales a regime's notices must be available in (the issue's list); English and Chinese elsewhere. */
const REQUIRED_LOCALES: Record<string, string[]> = {
  gdpr: ['en', 'zh-CN', 'de', 'fr'],
  nis2: ['en', 'zh-CN', 'de', 'fr'],
  dora: ['en', 'zh-CN', 'de', 'fr'],
  'fadp-ch': ['en', 'zh-CN', 'de', 'fr'],
  lgpd: ['en', 'zh-CN', 'pt-BR'],
  appi: ['en', 'zh-CN', 'ja'],
  'pipa-kr': ['en', 'zh-CN', 'ko'],
  'us-pr': ['en', 'es'],
};

describe('every obligation the rules can emit has a kind and its wording', () => {
  it('the rules emit the obligations this suite covers (about 80 kinds over 26 regimes)', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(RULES.map((o) => o.regime)).size).toBeGreaterThanOrEqual(26);
  });

  it.each(RULES.map((o) => [`${o.regime}:${o.key}`, o] as const))('%s', (_id, o) => {
    const kind = kindOf(o);
    expect(kind).toBe(`${o.regime}-${o.key}`);
    const required = REQUIRED_LOCALES[o.regime] ?? ['en', 'zh-CN'];
    expect([...TEMPLATE_LOCALES[kind]].sort()).toEqual([...required].sort());
    for (const id of o.requiredContent)
      expect({ id, inCatalogue: ELEMENT_IDS.includes(id as never) }).toEqual({ id, inCatalogue: true });
  });

  it('the kinds are exactly the rule obligations: no kind without a rule, no rule without a kind', () => {
    expect(Object.keys(OBLIGATION_KINDS).sort()).toEqual(RULES.map((o) => `${o.regime}-${o.key}`).sort());
    for (const o of RULES)
      expect(OBLIGATION_KINDS[`${o.regime}-${o.key}`]).toMatchObject({
        recipient: o.recipient,
        stage: o.stage ?? null,
      });
  });

  it('the catalogue has no element the rules do not use', () => {
    const used = new Set(RULES.flatMap((o) => o.requiredContent));
    used.add('reasons-for-delay'); // also added to any formal notice that gives a delay reason
    expect(ELEMENT_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('REGIME_LOCALES (from the rules) agrees with the required locales', () => {
    for (const [regime, locales] of Object.entries(REGIME_LOCALES))
      expect([...locales].sort()).toEqual([...(REQUIRED_LOCALES[regime] ?? ['en', 'zh-CN'])].sort());
  });
});

const CASES = RULES.flatMap((o) => TEMPLATE_LOCALES[kindOf(o)].map((locale) => [kindOf(o), locale, o] as const));

describe.each(CASES)('%s in %s', (kind, locale, o) => {
  const ctx = contextFor(o, locale);
  const out = renderer.render(kind, locale, ctx);
  const loc = formattingLocale(ctx.locale, out.locale);

  it('renders in that locale without fallback, with nothing pending when everything is known', () => {
    expect(out).toMatchObject({ kind, locale, requestedLocale: locale, fallback: false, pending: [] });
    expect(
      ctx.sections
        .map((s) => s.id)
        .slice(0, o.requiredContent.length)
        .sort(),
    ).toEqual([...o.requiredContent].sort());
  });

  it('carries every required element — heading, labels and values — in text and html', () => {
    for (const id of o.requiredContent) {
      const section = ctx.sections.find((s) => s.id === id);
      expect(section).toBeDefined();
      const values = sectionProbes(ctx, section!, loc);
      expect(values.length).toBeGreaterThan(1);
      for (const v of values) {
        expect({ id, value: v, inText: appearsInText(v, out.text) }).toEqual({ id, value: v, inText: true });
        expect({ id, value: v, inHtml: appearsInHtml(v, out.html) }).toEqual({ id, value: v, inHtml: true });
      }
    }
    expect(checkRequiredContent(o.requiredContent, ctx, out)).toEqual({ missing: [], unprobed: [] });
  });

  it('with nothing known, every element is still there, unknown ones said to follow and reported pending', () => {
    const bare = contextFor(o, locale, { facts: minimalFacts(), content: {}, now: undefined });
    const r = renderer.render(kind, locale, bare);
    const toFollow = (OBLIGATION_KINDS[kind].public ? TO_FOLLOW_PUBLIC : TO_FOLLOW)[bare.phraseLocale];
    expect(r.pending).toEqual(bare.pending);
    expect(checkRequiredContent(o.requiredContent, bare, r)).toEqual({ missing: [], unprobed: [] });
    for (const s of bare.sections) {
      expect({ id: s.id, pending: s.pending }).toEqual({ id: s.id, pending: bare.pending.includes(s.id) });
      if (s.pending) expect(s.lines.at(-1)).toEqual({ kind: 'text', label: null, value: toFollow });
    }
    // Only a notice made of reference data alone (Illinois residents: agencies and statements) has nothing to follow.
    const onlyReference = o.requiredContent.every((id) =>
      ['credit-agency-contacts', 'ftc-contacts', 'fraud-alert-and-freeze-info'].includes(id),
    );
    expect(bare.pending.length > 0).toBe(!onlyReference);
    expect(appearsInText(toFollow, r.text)).toBe(!onlyReference);
    expect(appearsInHtml(toFollow, r.html)).toBe(!onlyReference);
    expect(r.text.includes(bare.phrases.pendingNote)).toBe(!onlyReference);
    // no label left without a value (the Chinese salutation ends in a colon by convention)
    expect(r.text.replace(bare.phrases.salutation, '')).not.toMatch(/[:：]\s*$/m);
  });
});

describe('checkRequiredContent', () => {
  const o = RULES.find((r) => r.regime === 'gdpr' && r.key === 'authority')!;
  const ctx = contextFor(o, 'en');
  const out = renderer.render('gdpr-authority', 'en', ctx);

  it('reports an element whose value is missing, per part', () => {
    const consequences = ctx.sections.find((s) => s.id === 'likely-consequences')!.lines[0].value as string;
    const broken = { ...out, text: out.text.replace(consequences, '') };
    expect(checkRequiredContent(o.requiredContent, ctx, broken).missing).toEqual([
      { id: 'likely-consequences', part: 'text', values: [consequences] },
    ]);
  });

  it('reports a heading that is missing', () => {
    const broken = { ...out, html: out.html.replace('Likely consequences', 'Consequences') };
    expect(checkRequiredContent(o.requiredContent, ctx, broken).missing).toEqual([
      { id: 'likely-consequences', part: 'html', values: ['Likely consequences'] },
    ]);
  });

  it('reports ids the context has no section for instead of passing them', () => {
    expect(checkRequiredContent(['nature', 'ransom-amount'], ctx, out)).toEqual({
      missing: [],
      unprobed: ['ransom-amount'],
    });
  });
});
