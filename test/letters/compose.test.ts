/** The combined letter carries every law's required elements: the required-content check, per law, on the letter. */
import { IncidentFacts } from '../../domain/facts';
import { createLetterComposer, type LetterPart } from '../../activities/letters/compose';
import {
  buildNoticeContext,
  checkRequiredContent,
  createNoticeRenderer,
  DEFAULT_TEMPLATES_DIR,
  noticeKind,
} from '../../activities/notices';
import { obligationsOf } from '../rules/helpers';

const facts = IncidentFacts.parse({
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Beispiel GmbH', country: 'DE' },
  affected: [
    { country: 'DE', count: 1000 },
    { country: 'US', region: 'US-CA', count: 600 },
    { country: 'US', region: 'US-NY', count: 600 },
  ],
  dataCategories: ['name', 'contact', 'financial', 'government-id'],
  risk: 'high',
  nature: 'Customer records were copied from a misconfigured backup server.',
});
const renderer = createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR });
const part = (regime: string): LetterPart => {
  const o = obligationsOf(regime, facts).find((x) => x.recipient === 'individuals');
  if (!o) throw new Error(`no individuals obligation of ${regime}`);
  return {
    noticeId: o.id,
    kind: noticeKind(o),
    request: {
      incident: { id: 'INC-1', title: 'Backup exposed' },
      facts,
      obligation: o,
      contact: { name: 'DPO', email: 'dpo@example.org' },
      timeZone: 'Europe/Berlin',
    },
  };
};
const [gdpr, ca, ny] = [part('gdpr'), part('us-ca'), part('us-ny')];

/** The check, run here independently of the composer's own, for each law on the rendered letter. */
function missing(p: LetterPart, letter: { locale: string; text: string; html: string }, locale: string) {
  const ctx = buildNoticeContext(p.kind, { ...p.request, locale }, renderer.wording);
  return checkRequiredContent(p.request.obligation.requiredContent, ctx, letter);
}

describe('combined letters', () => {
  const composer = createLetterComposer(renderer);

  it.each([
    ['en', [gdpr, ca]],
    ['zh-CN', [gdpr, ca]],
    ['en', [gdpr, ca, ny]],
    ['de', [gdpr, ca]],
  ] as const)('in %s, the letter for %#: every law its required elements, per law', (locale, parts) => {
    const letter = composer.compose([...parts], [], locale);
    expect(letter.combined).toBe(true);
    expect(letter.notices).toEqual(parts.map((p) => p.noticeId).sort());
    for (const p of parts) {
      expect({ law: p.noticeId, ...missing(p, letter, letter.locale) }).toEqual({
        law: p.noticeId,
        missing: [],
        unprobed: [],
      });
    }
    expect(letter.checks.every((c) => c.missing.length === 0 && c.givenBefore.length === 0)).toBe(true);
  });

  it('says the wording the laws share once, and each law has its own section', () => {
    const letter = composer.compose([ca, ny], [], 'en');
    // Both state laws take the same plain-language headings; the text they share is said once.
    const once = (s: string) => letter.text.split(s).length - 1;
    expect(once('Customer records were copied from a misconfigured backup server.')).toBe(1);
    expect(letter.text).toContain('Cal. Civ. Code');
    expect(letter.text).toMatch(/New York/);
    expect(once('Why we are writing under this law')).toBe(2);
  });

  it("a German resident's letter is written in German where every law has German words, else in a language they all have", () => {
    expect(composer.compose([gdpr], [], 'de').locale).toBe('de');
    const both = composer.compose([gdpr, ca], [], 'de');
    expect(both.locale).toBe('en');
    expect(both.fallback).toBe(true);
  });

  it('one obligation alone is its own notice, byte for byte', () => {
    const letter = composer.compose([gdpr], [], 'en');
    const ctx = buildNoticeContext(gdpr.kind, { ...gdpr.request, locale: 'en' }, renderer.wording);
    const own = renderer.render(gdpr.kind, 'en', ctx);
    expect([letter.subject, letter.text, letter.html]).toEqual([own.subject, own.text, own.html]);
    expect(letter.combined).toBe(false);
  });

  it('a supplementary letter carries only what is new, and records what the earlier letter already said', () => {
    const first = composer.compose([gdpr], [], 'en');
    const supplement = composer.compose([ca], [gdpr], 'en');
    expect(supplement.supplementary).toBe(true);
    expect(supplement.text).toContain('Further information');
    expect(supplement.text).toContain('Cal. Civ. Code');
    expect(supplement.text).not.toContain('Article 34');
    expect(supplement.variantHash).not.toBe(first.variantHash);
    const check = supplement.checks.find((c) => c.noticeId === ca.noticeId)!;
    expect(check.missing).toEqual([]);
  });

  it('renders once per variant, not per person', () => {
    const spy = jest.spyOn(renderer, 'render');
    const c = createLetterComposer(renderer);
    for (let i = 0; i < 50; i++) c.compose([gdpr, ca], [], 'en', 'round-1');
    expect(spy.mock.calls.length).toBe(2); // each constituent once, for its template version
    spy.mockRestore();
  });
});
