/**
 * Every GDPR template, in every locale present on disk, carries every element the law requires
 * (Art. 33(3)(a)-(d) for the authority, Art. 34(2) for data subjects) in the text AND the html
 * part. The element ids are those the rules list in `requiredContent`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildGdprContext, checkRequiredContent, createNoticeRenderer, GDPR_ART33_ELEMENTS, GDPR_ART34_ELEMENTS, GdprNoticeContext,
  REQUIRED_CONTENT_PROBES, TO_FOLLOW, type RequiredContentId,
} from '../../activities/notices';
import { appearsInHtml, appearsInText } from '../../activities/notices/required-content';
import { IncidentFacts } from '../../domain/facts';
import { sampleGdprContext, TEMPLATES_DIR } from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const localesOf = (kind: string) => readdirSync(path.join(TEMPLATES_DIR, kind)).sort();

describe('required-content ids match the rules', () => {
  const rules = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'rules', 'gdpr.json'), 'utf8')) as {
    obligations: { recipient: string; requiredContent: string[] }[];
  };
  const required = (recipient: string) => rules.obligations.find((o) => o.recipient === recipient)?.requiredContent;

  it('Art. 33 (authority) ids are the ones rules/gdpr.json lists', () => {
    expect([...GDPR_ART33_ELEMENTS].sort()).toEqual([...(required('authority') ?? [])].sort());
  });
  it('Art. 34 (individuals) ids are the ones rules/gdpr.json lists', () => {
    expect([...GDPR_ART34_ELEMENTS].sort()).toEqual([...(required('individuals') ?? [])].sort());
  });
  it('there is a probe for every id', () => {
    for (const id of GDPR_ART33_ELEMENTS) expect(typeof REQUIRED_CONTENT_PROBES[id]).toBe('function');
  });
});

const cases: [kind: string, elements: readonly RequiredContentId[]][] = [
  ['gdpr-authority', GDPR_ART33_ELEMENTS],
  ['gdpr-individuals', GDPR_ART34_ELEMENTS],
];

describe.each(cases)('%s', (kind, elements) => {
  it('has templates in en and zh-CN at least', () => {
    expect(localesOf(kind)).toEqual(expect.arrayContaining(['en', 'zh-CN']));
  });

  describe.each(localesOf(kind))('locale %s', (locale) => {
    const ctx = GdprNoticeContext.parse(sampleGdprContext(locale));
    const out = renderer.render(kind, locale, ctx);

    it('renders in that locale without fallback', () => {
      expect(out).toMatchObject({ kind, locale, requestedLocale: locale, fallback: false });
    });

    it.each(elements.map((e) => [e]))('text carries %s', (id) => {
      const values = REQUIRED_CONTENT_PROBES[id](ctx);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect({ value: v, found: appearsInText(v, out.text) }).toEqual({ value: v, found: true });
    });

    it.each(elements.map((e) => [e]))('html carries %s', (id) => {
      for (const v of REQUIRED_CONTENT_PROBES[id](ctx)) {
        expect({ value: v, found: appearsInHtml(v, out.html) }).toEqual({ value: v, found: true });
      }
    });

    it('checkRequiredContent agrees: nothing missing', () => {
      expect(checkRequiredContent(elements, ctx, out)).toEqual({ missing: [], unprobed: [] });
    });

    it('formats the counts for the locale (a grouping separator, not the bare digits)', () => {
      if (!elements.includes('subject-categories-and-count')) return;
      const grouped = new Intl.NumberFormat(locale).format(183_904);
      expect(grouped).not.toBe('183904');
      expect(out.text).toContain(grouped);
    });
  });
});

describe('the delay reason (Art. 33(1)) appears when given, and only then', () => {
  const reason = 'The forensic provider could not confirm exfiltration until 2026-11-24; notifying earlier would have named the wrong data categories.';
  describe.each(localesOf('gdpr-authority'))('gdpr-authority %s', (locale) => {
    it('is in text and html when given', () => {
      const out = renderer.render('gdpr-authority', locale, sampleGdprContext(locale, { delayReason: reason }));
      expect(appearsInText(reason, out.text)).toBe(true);
      expect(appearsInHtml(reason, out.html)).toBe(true);
    });
    it('leaves no empty section when absent', () => {
      const without = renderer.render('gdpr-authority', locale, sampleGdprContext(locale));
      const withReason = renderer.render('gdpr-authority', locale, sampleGdprContext(locale, { delayReason: reason }));
      // the section heading (the line before the reason) exists only in the version with a reason
      const lines = withReason.text.split('\n');
      const heading = lines[lines.findIndex((l) => l.includes(reason.slice(0, 30))) - 2];
      expect(heading).toMatch(/\S/);
      expect(without.text).not.toContain(heading);
    });
  });
});

describe('a phased notice (Art. 33(4)): what is not yet known is said to follow', () => {
  const facts = IncidentFacts.parse({
    awareAt: '2026-11-20T08:30:00Z',
    entity: { name: 'Acme Widgets GmbH', country: 'DE' },
    risk: 'high',
  });
  const contact = { name: 'Dr. Jana Schmidt-Okafor', email: 'dpo@acme-widgets.example' };

  describe.each(localesOf('gdpr-authority'))('gdpr-authority %s', (locale) => {
    const ctx = buildGdprContext({
      facts, contact, incident: { id: 'INC-7', title: 'Lost laptop' }, deadlineAt: '2026-11-23T08:30:00Z',
      locale, timeZone: 'Europe/Berlin',
    });
    const out = renderer.render('gdpr-authority', locale, ctx);

    it('is marked phased and says so in the locale', () => {
      expect(ctx.phased).toBe(true);
      expect(out.text).toContain(TO_FOLLOW[locale as keyof typeof TO_FOLLOW]);
      expect(appearsInHtml(TO_FOLLOW[locale as keyof typeof TO_FOLLOW], out.html)).toBe(true);
    });
    it('still carries every element (as "to follow" where unknown), and no gap', () => {
      expect(checkRequiredContent(GDPR_ART33_ELEMENTS, ctx, out)).toEqual({ missing: [], unprobed: [] });
      expect(out.text).not.toMatch(/[:：]\s*$/m); // no label left without a value
    });
  });
});

describe('checkRequiredContent', () => {
  const ctx = GdprNoticeContext.parse(sampleGdprContext('en'));
  const out = renderer.render('gdpr-authority', 'en', ctx);

  it('reports an element whose value is missing, per part', () => {
    const broken = { ...out, text: out.text.replace(ctx.likelyConsequences, '') };
    expect(checkRequiredContent(GDPR_ART33_ELEMENTS, ctx, broken).missing).toEqual([
      { id: 'likely-consequences', part: 'text', values: [ctx.likelyConsequences] },
    ]);
  });
  it('reports ids it cannot verify instead of passing them', () => {
    expect(checkRequiredContent(['nature', 'ransom-amount'], ctx, out)).toEqual({ missing: [], unprobed: ['ransom-amount'] });
  });
});
