import {
  buildGdprContext, buildNoticeContext, createNoticeRenderer, noticeKind, TO_FOLLOW,
} from '../../activities/notices';
import { IncidentFacts, type IncidentFactsInput } from '../../domain/facts';
import { Obligation } from '../../domain/obligation';
import { TEMPLATES_DIR } from './fixtures';

const contact = { name: 'Dr. Jana Schmidt-Okafor', email: 'dpo@acme-widgets.example', phone: '+49 30 555 0142' };
const incident = { id: 'INC-9', title: 'Stolen backup tape' };
const facts = (over: Partial<IncidentFactsInput> = {}) => IncidentFacts.parse({
  awareAt: '2026-11-20T08:30:00Z',
  entity: { name: 'Acme Widgets GmbH', country: 'DE' },
  risk: 'high',
  ...over,
});
const complete = facts({
  affected: [{ country: 'DE', count: 1000 }, { country: 'AT', count: 234 }],
  dataCategories: ['name', 'health'],
  nature: 'Unencrypted backup tape lost in transit.',
  subjectCategories: ['patients'],
  recordCount: 5000,
  likelyConsequences: 'Disclosure of diagnoses.',
  measuresTaken: 'Courier contract suspended; tapes now encrypted.',
});
const base = { contact, incident, deadlineAt: '2026-11-23T08:30:00Z', timeZone: 'Europe/Berlin' };

describe('buildGdprContext', () => {
  it('maps complete facts: counts summed, categories localized, not phased', () => {
    const ctx = buildGdprContext({ ...base, facts: complete, locale: 'de' });
    expect(ctx).toMatchObject({
      controller: { name: 'Acme Widgets GmbH', country: 'DE' },
      contact, authority: null, subjectCount: 1234, recordCount: 5000,
      dataCategories: ['Namen', 'Gesundheitsdaten'], subjectCategories: ['patients'],
      nature: 'Unencrypted backup tape lost in transit.', delayReason: null, phased: false, locale: 'de',
    });
  });

  it.each(['en', 'de', 'fr', 'zh-CN'] as const)('fills unknown narrative with the %s "to follow" sentence and sets phased', (locale) => {
    const ctx = buildGdprContext({ ...base, facts: facts(), locale });
    const tf = TO_FOLLOW[locale];
    expect(ctx).toMatchObject({
      nature: tf, likelyConsequences: tf, measuresTaken: tf, subjectCategories: [tf], dataCategories: [tf],
      subjectCount: null, recordCount: null, phased: true,
    });
  });

  it('one unknown part is enough to make the notice phased', () => {
    const f = facts({ ...complete, recordCount: undefined });
    expect(buildGdprContext({ ...base, facts: f, locale: 'en' }).phased).toBe(true);
  });

  it('treats blank narrative as unknown, never as an empty gap', () => {
    const ctx = buildGdprContext({ ...base, facts: facts({ ...complete, measuresTaken: '  ' }), locale: 'en' });
    expect(ctx.measuresTaken).toBe(TO_FOLLOW.en);
  });

  it('writes the phrases in the language the template will be in (zh → zh-CN; de without a de template → en)', () => {
    expect(buildGdprContext({ ...base, facts: facts(), locale: 'zh' }).nature).toBe(TO_FOLLOW['zh-CN']);
    expect(buildGdprContext({ ...base, facts: facts(), locale: 'de', templateLocales: ['en', 'zh-CN'] }).nature).toBe(TO_FOLLOW.en);
  });

  it('a notice past its deadline needs the reasons for the delay (Art. 33(1))', () => {
    const late = { ...base, facts: complete, locale: 'en', now: '2026-11-24T10:00:00Z' };
    expect(() => buildGdprContext(late)).toThrow(/reasons for the delay/);
    expect(buildGdprContext({ ...late, delayReason: 'Forensics incomplete.' }).delayReason).toBe('Forensics incomplete.');
    expect(() => buildGdprContext({ ...late, now: '2026-11-22T10:00:00Z' })).not.toThrow();
  });
});

describe('noticeKind / buildNoticeContext', () => {
  const obligation = (recipient: 'authority' | 'individuals', dueAt: string | null) => Obligation.parse({
    id: `gdpr:${recipient}:DE`, regime: 'gdpr', recipient, jurisdiction: 'DE', clockStart: '2026-11-20T08:30:00Z', dueAt,
    deadline: 'x', requiredContent: ['nature'], citation: 'GDPR',
  });

  it('maps GDPR obligations to template kinds and refuses others', () => {
    expect(noticeKind(obligation('authority', '2026-11-23T08:30:00Z'))).toBe('gdpr-authority');
    expect(noticeKind(obligation('individuals', null))).toBe('gdpr-individuals');
    expect(() => noticeKind({ id: 'hipaa:media', regime: 'hipaa', recipient: 'media' })).toThrow(/no notice template.*hipaa/);
  });

  it('builds a context that renders, with the authority name and the legal deadline', () => {
    const ob = obligation('authority', '2026-11-23T08:30:00Z');
    const kind = noticeKind(ob);
    const ctx = buildNoticeContext(kind, {
      incident, facts: complete, obligation: ob, contact, authorityName: 'BfDI', locale: 'de', timeZone: 'Europe/Berlin',
    });
    expect(ctx).toMatchObject({ authority: { name: 'BfDI' }, deadlineAt: '2026-11-23T08:30:00Z' });
    const out = createNoticeRenderer({ templatesDir: TEMPLATES_DIR }).render(kind, 'de', ctx);
    expect(out.text).toContain('An: BfDI');
  });

  it('individuals: no legal deadline, and a German request gets English phrases to match the English template', () => {
    const ob = obligation('individuals', null);
    const ctx = buildNoticeContext('gdpr-individuals', {
      incident, facts: facts(), obligation: ob, contact, locale: 'de', timeZone: 'Europe/Berlin', now: '2030-01-01T00:00:00Z',
    });
    expect(ctx.deadlineAt).toBeNull();
    expect(ctx.nature).toBe(TO_FOLLOW.en);
    const out = createNoticeRenderer({ templatesDir: TEMPLATES_DIR }).render('gdpr-individuals', 'de', ctx);
    expect(out).toMatchObject({ locale: 'en', fallback: true });
  });
});
