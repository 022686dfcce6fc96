/**
 * Kinds come from the rules and their words from data: a rule obligation without wording stops
 * the load naming the regime, key and locale; a bad wording file names the file and the field;
 * a plan's own wording and layouts apply to its notices, are validated when the plan is loaded,
 * change the template version, and cannot drop an element the law requires.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildNoticeContext,
  checkPlanWording,
  checkRequiredContent,
  createNoticeRenderer,
  createWordingStore,
  deriveKinds,
  KindWordingError,
  OBLIGATION_KINDS,
  WordingFileError,
} from '../../activities/notices';
import { DEFAULT_LOCALES_DIR } from '../../activities/notices/wording';
import { loadPlan } from '../../activities/plans/load';
import { loadRuleSet } from '../../activities/rules/load';
import type { RuleSet } from '../../domain/rules/schema';
import { GDPR_AUTHORITY, requestFor, TEMPLATES_DIR } from './fixtures';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'notice-wording-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const store = (over: { templatesDir?: string; localesDir?: string; plansDir?: string } = {}) =>
  createWordingStore({
    templatesDir: over.templatesDir ?? TEMPLATES_DIR,
    localesDir: over.localesDir ?? DEFAULT_LOCALES_DIR,
    plansDir: over.plansDir ?? path.join(tmp, 'plans'),
  });
const writeJson = (file: string, value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
};
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** A rule set of one regime, from the real GDPR file with changes. */
function gdprRules(change: (r: RuleSet['regimes'][number]) => void): RuleSet {
  const gdpr = structuredClone(loadRuleSet().regimes.find((r) => r.regime === 'gdpr')!);
  change(gdpr);
  return { version: 'test', regimes: [gdpr] };
}

describe('kinds come from the rules', () => {
  it('every rule obligation has its words in every locale of its regime (the kinds derive without a gap)', () => {
    const kinds = deriveKinds(loadRuleSet(), store().forPlan(null));
    expect(kinds.length).toBe(Object.keys(OBLIGATION_KINDS).length);
    expect(OBLIGATION_KINDS['gdpr-authority']).toMatchObject({
      recipient: 'authority',
      stage: null,
      locales: ['de', 'en', 'fr', 'zh-CN'],
      lateNeedsReason: true,
      layout: 'authority',
    });
    expect(OBLIGATION_KINDS['us-ca-residents']).toMatchObject({
      layout: 'individuals',
      public: true,
      groups: expect.any(Array),
    });
    expect(OBLIGATION_KINDS['gdpr-individuals'].lateNeedsReason).toBe(false);
  });

  it('a rule obligation without wording fails loudly, naming the regime, the key and the locale', () => {
    const rules = gdprRules((r) => {
      r.obligations.push({ ...r.obligations[0], key: 'media-statement', recipient: 'media' });
      r.locales = ['de', 'en', 'fr', 'ja', 'zh-CN'];
    });
    let err: unknown;
    try {
      deriveKinds(rules, store().forPlan(null));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KindWordingError);
    const msg = (err as Error).message;
    expect(msg).toMatch(
      /gdpr "media-statement" \(kind gdpr-media-statement\), locales de, en, fr, ja, zh-CN: no wording \(templates\/wording\/gdpr\.json kinds\.media-statement\)/,
    );
    expect(msg).toMatch(/gdpr "authority" \(kind gdpr-authority\), locale ja: no wording/);
  });

  it('a locale without a catalogue is named', () => {
    expect(() =>
      deriveKinds(
        gdprRules((r) => {
          r.locales = ['en', 'xx'];
        }),
        store().forPlan(null),
      ),
    ).toThrow(/gdpr "authority".*locale xx: no locales\/xx\.json/);
  });

  it("adding a language is adding its catalogue and the regime's words in it", () => {
    const locales = path.join(tmp, 'locales');
    cpSync(DEFAULT_LOCALES_DIR, locales, { recursive: true });
    writeJson(path.join(locales, 'es.json'), { ...readJson(path.join(DEFAULT_LOCALES_DIR, 'en.json')), locale: 'es' });
    const templates = path.join(tmp, 'templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const file = path.join(templates, 'wording', 'gdpr.json');
    const gdpr = readJson(file) as { kinds: Record<string, { locales: Record<string, unknown> }> };
    for (const k of Object.values(gdpr.kinds))
      k.locales.es = { ...(k.locales.en as object), title: 'Notificación (art. 33 RGPD)' };
    writeJson(file, gdpr);
    const kinds = deriveKinds(
      gdprRules((r) => {
        r.locales = ['en', 'es'];
      }),
      store({ templatesDir: templates, localesDir: locales }).forPlan(null),
    );
    expect(kinds.map((k) => [k.kind, k.locales])).toEqual([
      ['gdpr-authority', ['en', 'es']],
      ['gdpr-individuals', ['en', 'es']],
    ]);
  });
});

describe('wording files are validated', () => {
  it('a bad regime wording file names the file and the field', () => {
    const templates = path.join(tmp, 'templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const file = path.join(templates, 'wording', 'gdpr.json');
    const gdpr = readJson(file) as { kinds: { authority: { locales: { en: Record<string, unknown> } } } };
    gdpr.kinds.authority.locales.en.titel = 'typo';
    writeJson(file, gdpr);
    expect(() => store({ templatesDir: templates }).forPlan(null).kind('gdpr', 'authority', 'authority')).toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: kinds\\.authority\\.locales\\.en: Unrecognized key: "titel"`,
      ),
    );
  });

  it('a bad catalogue names the file and the field', () => {
    const locales = path.join(tmp, 'locales');
    cpSync(DEFAULT_LOCALES_DIR, locales, { recursive: true });
    const file = path.join(locales, 'de.json');
    writeJson(file, { ...readJson(file), labels: { ...(readJson(file).labels as object), email: '' } });
    let err: unknown;
    try {
      store({ localesDir: locales }).forPlan(null).catalogue('de');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WordingFileError);
    expect((err as Error).message).toContain(`${file}: labels.email:`);
  });
});

describe("an organisation's own wording (plans/<plan>/templates, plans/<plan>/locales)", () => {
  const plans = () => path.join(tmp, 'plans');
  const acme = () => path.join(plans(), 'acme');
  const authorityText = () => readFileSync(path.join(TEMPLATES_DIR, 'layouts', 'authority', 'text.hbs'), 'utf8');

  function renderGdpr(plan: string | undefined) {
    const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR, plansDir: plans() });
    const req = requestFor(GDPR_AUTHORITY, 'en', plan ? { plan } : {});
    const ctx = buildNoticeContext('gdpr-authority', req, renderer.wording);
    return { ctx, out: renderer.render('gdpr-authority', 'en', ctx) };
  }

  beforeEach(() => {
    cpSync(path.join(TEMPLATES_DIR, '..', 'plans', 'default'), acme(), { recursive: true });
    writeJson(path.join(acme(), 'plan.json'), { ...readJson(path.join(acme(), 'plan.json')), id: 'acme' });
  });

  it("overrides a layout (letterhead), a kind's words and a catalogue string; the version changes with them", () => {
    const before = renderGdpr(undefined).out;
    mkdirSync(path.join(acme(), 'templates', 'layouts', 'authority'), { recursive: true });
    writeFileSync(
      path.join(acme(), 'templates', 'layouts', 'authority', 'text.hbs'),
      `ACME Widgets GmbH · Legal\n\n${authorityText()}`,
    );
    writeJson(path.join(acme(), 'templates', 'wording', 'gdpr.json'), {
      regime: 'gdpr',
      kinds: { authority: { locales: { en: { title: 'Personal data breach notification' } } } },
    });
    writeJson(path.join(acme(), 'locales', 'en.json'), { phrases: { closing: 'Kind regards,' } });
    expect(() => loadPlan('acme', plans())).not.toThrow();

    const { ctx, out } = renderGdpr('acme');
    expect(out.text.startsWith('ACME Widgets GmbH · Legal\n\nTo: ')).toBe(true);
    expect(out.text).toContain('\nPersonal data breach notification\n');
    expect(out.text).toContain('\nKind regards,\n');
    expect(out.html).toContain('<h1>Personal data breach notification</h1>');
    expect(out.templateVersion).not.toBe(before.templateVersion);
    expect(checkRequiredContent(GDPR_AUTHORITY.requiredContent, ctx, out)).toEqual({ missing: [], unprobed: [] });
    // the repository's notices are untouched
    expect(renderGdpr(undefined).out.text).toBe(before.text);
  });

  it('an override that drops a required element is caught by the required-content check (a draft is refused)', () => {
    const dir = path.join(acme(), 'templates', 'layouts', 'authority');
    mkdirSync(dir, { recursive: true });
    const withoutSections = authorityText().replace(
      /\{\{#each sections\}\}[\s\S]*?\{\{\/each\}\}\n\{\{\/each\}\}\n/,
      '',
    );
    expect(withoutSections).not.toContain('sections');
    writeFileSync(path.join(dir, 'text.hbs'), withoutSections);
    const { ctx, out } = renderGdpr('acme');
    const check = checkRequiredContent(GDPR_AUTHORITY.requiredContent, ctx, out);
    expect(check.missing.map((m) => `${m.id}/${m.part}`)).toEqual(
      GDPR_AUTHORITY.requiredContent.map((id) => `${id}/text`),
    );
  });

  it('a bad override stops the plan from loading, naming the file and the field', () => {
    writeJson(path.join(acme(), 'locales', 'en.json'), { labels: { email: 42 } });
    expect(() => loadPlan('acme', plans())).toThrow(new RegExp(`acme/locales/en\\.json: labels\\.email:`));
  });

  it('an override may not leave a kind without its words', () => {
    writeJson(path.join(acme(), 'templates', 'wording', 'gdpr.json'), {
      regime: 'gdpr',
      kinds: { authority: { locales: { fr: { title: null } } } },
    });
    expect(() => checkPlanWording('acme', store())).toThrow(
      /acme\/templates\/wording\/gdpr\.json: kinds\.authority\.locales\.fr\.title/,
    );
  });

  it('an override layout that prints unescaped text is refused when the plan loads', () => {
    const dir = path.join(acme(), 'templates', 'layouts', 'individuals');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'html.hbs'), '<p>{{{entity.name}}}</p>');
    expect(() => loadPlan('acme', plans())).toThrow(/individuals\/html\.hbs uses unescaped output/);
  });
});
