import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  createNoticeRenderer,
  defaultKinds,
  DEFAULT_TEMPLATES_DIR,
  NOTICE_KINDS,
  NoticeContextError,
  TEMPLATE_LOCALES,
  type ObligationNoticeContext,
} from '../../activities/notices';
import { completeFacts, sampleContextFor, sampleGdprContext, sampleReminderContext, TEMPLATES_DIR } from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const LAYOUTS = path.join(TEMPLATES_DIR, 'layouts');
const dirs = (p: string) =>
  readdirSync(p, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe('layouts and wording on disk', () => {
  it('the default templates dir is the repository templates/: layouts and wording, nothing per kind', () => {
    expect(path.resolve(DEFAULT_TEMPLATES_DIR)).toBe(TEMPLATES_DIR);
    expect(dirs(TEMPLATES_DIR)).toEqual(['layouts', 'wording']);
    expect(dirs(LAYOUTS)).toEqual(['authority', 'escalation', 'individuals', 'media', 'reminder']);
  });

  it('every kind has a context schema and a layout, and every schema a kind', () => {
    expect(Object.keys(defaultKinds(renderer.wording.forPlan(null))).sort()).toEqual([...NOTICE_KINDS].sort());
  });

  // Puerto Rico's rules choose English and Spanish (rules/us-pr.json `locales`): residents are served in Spanish.
  const OWN_LANGUAGES: Record<string, string[]> = { 'us-pr': ['en', 'es'] };

  it('every kind is written in English and Simplified Chinese at least, unless its rules choose its languages', () => {
    for (const kind of NOTICE_KINDS) {
      const own = Object.entries(OWN_LANGUAGES).find(([regime]) => kind.startsWith(`${regime}-`))?.[1];
      expect(TEMPLATE_LOCALES[kind]).toEqual(expect.arrayContaining(own ?? ['en', 'zh-CN']));
    }
  });

  it('every layout has subject, text and html; none bypasses escaping', () => {
    for (const layout of dirs(LAYOUTS)) {
      expect(readdirSync(path.join(LAYOUTS, layout)).sort()).toEqual(['html.hbs', 'subject.hbs', 'text.hbs']);
      for (const part of ['subject', 'text', 'html']) {
        const file = path.join(LAYOUTS, layout, `${part}.hbs`);
        // triple-stash and {{& }} output unescaped; partials are not part of the environment
        expect({ file, unescaped: /\{\{\{|\{\{~?&|\{\{~?>/.test(readFileSync(file, 'utf8')) }).toEqual({
          file,
          unescaped: false,
        });
      }
    }
  });

  it.each(NOTICE_KINDS.flatMap((k) => TEMPLATE_LOCALES[k].map((l) => [k, l])))(
    '%s/%s renders a sample',
    (kind, locale) => {
      const out = renderer.render(kind, locale, sampleContextFor(kind, locale));
      expect(out.fallback).toBe(false);
      expect(out.subject).not.toMatch(/[\r\n]/);
      expect(out.subject.length).toBeGreaterThan(10);
      expect(out.text).toMatch(/\S/);
      expect(out.text).not.toMatch(/\{\{|\}\}/);
      expect(out.html).toMatch(/^<!DOCTYPE html>/);
      expect(out.html).toContain(`lang="${locale}"`);
      expect(out.templateVersion).toMatch(/^[0-9a-f]{12}$/);
    },
  );
});

describe('locale fallback is explicit', () => {
  it.each([
    ['gdpr-authority', 'en', 'en', false],
    ['gdpr-authority', 'zh-cn', 'zh-CN', false],
    ['gdpr-authority', 'zh', 'zh-CN', true],
    ['gdpr-authority', 'zh-Hans-CN', 'zh-CN', true],
    ['gdpr-authority', 'zh-TW', 'zh-CN', true],
    ['gdpr-authority', 'de-AT', 'de', true],
    ['gdpr-authority', 'fr-BE', 'fr', true],
    ['gdpr-authority', 'pt-PT', 'en', true],
    ['gdpr-individuals', 'de', 'de', false],
    ['us-ca-residents', 'ja', 'en', true],
    ['us-ny-dfs', 'de', 'en', true],
    ['hipaa-individuals', 'es-US', 'en', true],
    ['lgpd-individuals', 'pt', 'pt-BR', true],
    ['lgpd-authority', 'pt-PT', 'pt-BR', true],
    ['appi-individuals', 'ja-JP', 'ja', true],
    ['pipa-kr-authority', 'ko', 'ko', false],
    ['pipl-individuals', 'zh-Hans', 'zh-CN', true],
    ['fadp-ch-authority', 'de-CH', 'de', true],
    ['fadp-ch-individuals', 'it-CH', 'en', true],
    ['reminder', 'zh', 'zh-CN', true],
  ])('%s requested %s → %s (fallback %s)', (kind, requested, used, fallback) => {
    const out = renderer.render(kind, requested, sampleContextFor(kind, requested));
    expect(out).toMatchObject({ locale: used, requestedLocale: requested, fallback });
    expect(renderer.resolveLocale(kind, requested)).toEqual({ locale: used, requestedLocale: requested, fallback });
  });

  it('the context is written in the language the renderer falls back to (ja for a US kind → English headings)', () => {
    const ctx = sampleContextFor('us-co-residents', 'ja') as ObligationNoticeContext;
    expect(ctx.phraseLocale).toBe('en');
    const out = renderer.render('us-co-residents', 'ja', ctx);
    expect(out).toMatchObject({ locale: 'en', fallback: true });
    expect(out.text).toContain('Consumer reporting agencies');
  });

  it('a context built for one template language is refused by another (no mixed-language notice)', () => {
    const german = sampleContextFor('gdpr-authority', 'de');
    expect(() => renderer.render('gdpr-authority', 'fr', german)).toThrow(/built for template locale "de".*"fr"/);
  });

  it('an invalid locale tag is an error, not a fallback', () => {
    expect(() => renderer.render('reminder', 'not a locale!', sampleReminderContext())).toThrow(/invalid locale/);
  });
});

describe('dates in the recipient time zone and locale', () => {
  it('uses the context time zone and locale', () => {
    const de = renderer.render('gdpr-authority', 'de', sampleGdprContext('de', { timeZone: 'Europe/Berlin' }));
    expect(de.text).toContain('20. November 2026 um 09:30 GMT+1');
    const zh = renderer.render('gdpr-authority', 'zh-CN', sampleGdprContext('zh-CN', { timeZone: 'Asia/Shanghai' }));
    expect(zh.text).toContain('2026年11月20日');
    expect(zh.text).toContain('16:30');
    const la = renderer.render('us-wa-residents', 'en', sampleContextFor('us-wa-residents', 'en'));
    expect(la.text).toContain('November 20, 2026 at 09:30 GMT+1');
  });

  it('uses a regional context locale within the same language (de-AT)', () => {
    const facts = completeFacts({ awareAt: '2026-01-05T08:30:00Z' });
    const out = renderer.render(
      'gdpr-authority',
      'de-AT',
      sampleGdprContext('de-AT', { facts, timeZone: 'Europe/Vienna' }),
    );
    expect(out.locale).toBe('de');
    expect(out.text).toContain('Jänner'); // Austrian German for January
  });

  it('after a fallback to another language, formats in the template language, not the context one', () => {
    const out = renderer.render('uk-gdpr-individuals', 'fr', sampleContextFor('uk-gdpr-individuals', 'fr'));
    expect(out.locale).toBe('en');
    expect(out.text).not.toContain('novembre');
    const us = renderer.render('hipaa-individuals', 'fr', sampleContextFor('hipaa-individuals', 'fr'));
    expect(us.text).toContain('November 20, 2026');
  });

  it('rejects an unknown time zone', () => {
    expect(() =>
      renderer.render('gdpr-authority', 'en', { ...sampleGdprContext('en'), timeZone: 'Mars/Olympus' }),
    ).toThrow(NoticeContextError);
  });
});

describe('errors', () => {
  it('an unknown kind names the kind and the templates folder', () => {
    expect(() => renderer.render('gdpr-media', 'en', {})).toThrow(/gdpr-media.*templates directory .*templates/);
  });

  it('a kind that tries to leave the templates folder is an unknown kind', () => {
    expect(() => renderer.render('../activities', 'en', {})).toThrow(/unknown notice kind "\.\.\/activities"/);
  });

  it('a missing required value is an error naming the field, never an empty gap', () => {
    const ctx = { ...sampleGdprContext('en') } as Record<string, unknown>;
    delete ctx.sections;
    expect(() => renderer.render('gdpr-authority', 'en', ctx)).toThrow(/sections/);
    const blankLine = structuredClone(sampleGdprContext('en'));
    blankLine.sections[0].lines[0] = { kind: 'text', label: null, value: '   ' };
    expect(() => renderer.render('gdpr-authority', 'en', blankLine)).toThrow(
      /sections\.0\.lines\.0\.value: must not be blank/,
    );
    const noLines = structuredClone(sampleGdprContext('en'));
    noLines.sections[2].lines = [];
    expect(() => renderer.render('gdpr-authority', 'en', noLines)).toThrow(/sections\.2\.lines/);
    expect(() =>
      renderer.render('gdpr-authority', 'en', {
        ...sampleGdprContext('en'),
        contact: { name: 'X', email: 'not-an-email', phone: null },
      }),
    ).toThrow(/contact\.email/);
  });

  it('an unlabelled line must be text, and pending must agree with hasPending', () => {
    const bad = structuredClone(sampleGdprContext('en')) as unknown as {
      sections: { lines: unknown[] }[];
      hasPending: boolean;
    };
    bad.sections[0].lines.push({ kind: 'count', label: null, value: 3 });
    expect(() => renderer.render('gdpr-authority', 'en', bad)).toThrow(NoticeContextError);
    expect(() => renderer.render('gdpr-authority', 'en', { ...sampleGdprContext('en'), hasPending: true })).toThrow(
      /hasPending/,
    );
  });

  it('context errors do not echo the (personal) values', () => {
    const err = (() => {
      try {
        renderer.render('gdpr-authority', 'en', {
          ...sampleGdprContext('en'),
          contact: { name: 'Secret Person', email: 'secret-person-at-example', phone: null },
        });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(NoticeContextError);
    expect(err?.message).not.toContain('secret-person-at-example');
  });
});

describe('strict layouts (own templates dir)', () => {
  let dir: string;
  const schema = z.object({
    name: z.string(),
    note: z.string().nullable().default(null),
    timeZone: z.string(),
    when: z.string(),
  });
  const names = ['t', 'typo', 'iftypo', 'helper', 'nohelper', 'nullhelper', 'raw'];
  const write = (layout: string, files: Partial<Record<'subject' | 'text' | 'html', string>>) => {
    const d = path.join(dir, 'layouts', layout);
    mkdirSync(d, { recursive: true });
    cpSync(path.join(LAYOUTS, 'reminder'), d, { recursive: true });
    for (const [part, src] of Object.entries(files)) writeFileSync(path.join(d, `${part}.hbs`), src);
  };
  const make = () =>
    createNoticeRenderer({
      templatesDir: dir,
      schemas: Object.fromEntries([...names, 'orphan'].map((n) => [n, schema])),
      kinds: Object.fromEntries([...names, 'orphan'].map((n) => [n, { layout: n, locales: ['en'] }])),
    });
  const good = {
    subject: 'Hi {{name}}',
    text: '{{#if note}}Note: {{note}}{{/if}}{{name}} {{datetime when}}',
    html: '<p>{{name}}</p>',
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'notice-templates-'));
    write('t', good);
    write('typo', { ...good, text: '{{nmae}}' });
    write('iftypo', { ...good, text: '{{#if noet}}x{{/if}}' });
    write('helper', { ...good, text: '{{datetime wehn}}' });
    write('nohelper', { ...good, text: '{{shout name}}' });
    write('nullhelper', { ...good, text: '{{datetime note}}' });
    write('raw', { ...good, html: '<p>{{{name}}}</p>' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const ctx = { name: 'N', timeZone: 'UTC', when: '2026-01-01T00:00:00Z' };

  it('renders a valid context; an optional value may be null', () => {
    expect(make().render('t', 'en', ctx).text).toMatch(/^N January 1, 2026 at 00:00 GMT(\+0)?\n$/);
    expect(make().render('t', 'en', { ...ctx, note: 'n' }).text).toContain('Note: n');
  });
  it('a plain reference to a missing value throws (strict)', () => {
    expect(() => make().render('typo', 'en', ctx)).toThrow(/layouts\/typo\/text\.hbs.*"nmae" not defined/);
  });
  it('#if on a value missing from the context throws (handlebars alone would render nothing)', () => {
    expect(() => make().render('iftypo', 'en', ctx)).toThrow(/\{\{#if\}\} at line 1.*missing/);
  });
  it('a helper given a missing value throws', () => {
    expect(() => make().render('helper', 'en', ctx)).toThrow(/\{\{datetime\}\}.*missing/);
  });
  it('a helper given null (an unknown value) throws rather than printing nothing', () => {
    expect(() => make().render('nullhelper', 'en', ctx)).toThrow(/\{\{datetime\}\}.*null/);
  });
  it('an unknown helper fails when the layout is loaded', () => {
    expect(() => make().render('nohelper', 'en', ctx)).toThrow(/does not compile/);
  });
  it('a layout that prints unescaped is refused', () => {
    expect(() => make().render('raw', 'en', ctx)).toThrow(/unescaped output/);
  });

  it('templateVersion is sha256 of the layout and the wording: stable, and changes with any file', () => {
    const v1 = make().render('t', 'en', ctx).templateVersion;
    expect(v1).toMatch(/^[0-9a-f]{12}$/);
    expect(make().render('t', 'en', ctx).templateVersion).toBe(v1);
    writeFileSync(path.join(dir, 'layouts', 't', 'html.hbs'), '<p>{{name}}!</p>');
    expect(make().render('t', 'en', ctx).templateVersion).not.toBe(v1);
  });

  it('compiles once: a renderer keeps the layouts it loaded', () => {
    const r = make();
    const first = r.render('t', 'en', ctx);
    writeFileSync(path.join(dir, 'layouts', 't', 'subject.hbs'), 'Changed {{name}}');
    const second = r.render('t', 'en', ctx);
    expect(second.subject).toBe(first.subject);
    expect(second.templateVersion).toBe(first.templateVersion);
  });

  it('a kind without a schema is refused', () => {
    write('orphan', good);
    const r = createNoticeRenderer({
      templatesDir: dir,
      schemas: { t: schema },
      kinds: { orphan: { layout: 'orphan', locales: ['en'] } },
    });
    expect(() => r.render('orphan', 'en', ctx)).toThrow(/no context schema/);
  });

  it('a layout missing a part is an error naming the file', () => {
    rmSync(path.join(dir, 'layouts', 't', 'html.hbs'));
    expect(() => make().render('t', 'en', ctx)).toThrow(/html\.hbs is missing/);
  });
});
