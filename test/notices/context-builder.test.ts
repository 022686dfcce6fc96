/**
 * From an obligation to a kind and a context: the naming scheme, the element catalogue's values,
 * what is pending, the delay reason, the responders' content map and the audience counts.
 */
import {
  buildNoticeContext,
  createNoticeRenderer,
  noticeKind,
  obligationKey,
  TO_FOLLOW,
  TO_FOLLOW_PUBLIC,
  type NoticeLine,
} from '../../activities/notices';
import { Obligation } from '../../domain/obligation';
import {
  CONTACT,
  completeFacts,
  contextFor,
  GDPR_AUTHORITY,
  GDPR_INDIVIDUALS,
  INCIDENT,
  minimalFacts,
  obligationFor,
  ruleObligations,
  sampleGdprContext,
  sampleGdprIndividualsContext,
  TEMPLATES_DIR,
} from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const section = (
  ctx: { sections: { id: string; lines: NoticeLine[]; pending: boolean; heading: string }[] },
  id: string,
) => {
  const s = ctx.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const rule = (kind: string) => {
  const o = ruleObligations().find((r) => `${r.regime}-${r.key}` === kind);
  if (!o) throw new Error(kind);
  return o;
};

describe('noticeKind: <regime>-<key>', () => {
  it('names every rule obligation by its regime and key', () => {
    expect(noticeKind(obligationFor(GDPR_AUTHORITY))).toBe('gdpr-authority');
    expect(noticeKind(obligationFor(GDPR_INDIVIDUALS))).toBe('gdpr-individuals');
    expect(noticeKind(obligationFor(rule('us-ny-dfs-extortion-payment')))).toBe('us-ny-dfs-extortion-payment');
    expect(noticeKind(obligationFor(rule('cn-incident-measures-cii-police-summary')))).toBe(
      'cn-incident-measures-cii-police-summary',
    );
  });

  it('reads the key from the obligation id, or from obligation.key where present', () => {
    expect(obligationKey({ id: 'nis2:early-warning:DE', regime: 'nis2', recipient: 'authority' })).toBe(
      'early-warning',
    );
    expect(obligationKey({ id: 'whatever', regime: 'nis2', recipient: 'authority', key: 'final' })).toBe('final');
    expect(obligationKey({ id: 'hipaa:media', regime: 'hipaa', recipient: 'media' })).toBeNull();
  });

  it('fails loudly for an unknown regime, key, recipient or stage', () => {
    expect(() => noticeKind({ id: 'ccpa:consumers:US-CA', regime: 'ccpa', recipient: 'individuals' })).toThrow(
      /no notice template for obligation ccpa:consumers:US-CA.*regime "ccpa"/,
    );
    expect(() => noticeKind({ id: 'gdpr:media:DE', regime: 'gdpr', recipient: 'media' })).toThrow(
      /no notice template.*key "media"/,
    );
    expect(() => noticeKind({ id: 'gdpr:authority:DE', regime: 'gdpr', recipient: 'individuals' })).toThrow(
      /written for recipient "authority"/,
    );
    expect(() => noticeKind({ id: 'nis2:final:DE', regime: 'nis2', recipient: 'authority', stage: 'initial' })).toThrow(
      /written for stage "final"/,
    );
    expect(() => noticeKind({ id: 'gdpr', regime: 'gdpr', recipient: 'authority' })).toThrow(/no notice template/);
  });

  it('buildNoticeContext refuses a kind it does not know', () => {
    expect(() =>
      buildNoticeContext('reminder', {
        incident: INCIDENT,
        facts: minimalFacts(),
        obligation: obligationFor(GDPR_AUTHORITY),
        contact: CONTACT,
        locale: 'en',
        timeZone: 'UTC',
      }),
    ).toThrow(/no context builder for notice kind "reminder"/);
  });
});

describe('values from the facts, the plan and the obligation', () => {
  it('maps complete facts: counts summed over the audience, categories localized, nothing pending', () => {
    const ctx = sampleGdprContext('de');
    expect(ctx.pending).toEqual([]);
    expect(ctx.hasPending).toBe(false);
    expect(section(ctx, 'record-categories-and-count').lines).toEqual([
      {
        kind: 'list',
        label: 'Kategorien personenbezogener Daten',
        value: ['Namen', 'Finanzdaten', 'Gesundheitsdaten'],
      },
      { kind: 'count', label: 'Ungefähre Zahl der betroffenen personenbezogenen Datensätze', value: 183_904 },
    ]);
    // audience ['*'] (established controller, lead authority): everyone affected
    expect(section(ctx, 'subject-categories-and-count').lines[1]).toMatchObject({
      kind: 'count',
      value: 4000 + 217 + 1320 + 5400,
    });
    expect(section(ctx, 'contact-point').lines.map((l) => l.value)).toEqual([
      CONTACT.name,
      CONTACT.email,
      CONTACT.phone,
    ]);
    expect(ctx).toMatchObject({
      entity: { name: 'Acme Widgets GmbH', country: 'DE' },
      addressee: null,
      jurisdictionName: 'Deutschland',
      phraseLocale: 'de',
    });
  });

  it('counts only the obligation audience, and names it (per-state notices)', () => {
    const ctx = contextFor(rule('us-ny-attorney-general'), 'en');
    expect(section(ctx, 'number-affected').lines[0]).toEqual({
      kind: 'count',
      label: 'Approximate number of affected persons in New York',
      value: 5400,
    });
    expect(ctx.jurisdictionName).toBe('New York');
    const zh = contextFor(rule('us-ny-attorney-general'), 'zh-CN');
    expect(section(zh, 'number-affected').lines[0]).toMatchObject({ label: '纽约州受影响的大致人数', value: 5400 });
  });

  it('the addressee is the plan channel name where given', () => {
    const ctx = sampleGdprContext('de', { authorityName: 'BfDI' });
    expect(ctx.addressee).toBe('BfDI');
    expect(renderer.render('gdpr-authority', 'de', ctx).text).toMatch(/^An: BfDI$/m);
    expect(renderer.render('gdpr-authority', 'de', sampleGdprContext('de')).text).toMatch(
      /^An: die zuständige Aufsichtsbehörde \(Deutschland\)$/m,
    );
  });

  it('the legal deadline is in the header of formal notices; notices to the public have no internal header', () => {
    expect(sampleGdprContext('en').header.map((l) => l.label)).toEqual([
      'Internal incident reference',
      'Incident',
      'Date and time of awareness',
      'Time limit for this notice',
    ]);
    const noDeadline = contextFor(GDPR_AUTHORITY, 'en', { obligation: obligationFor(GDPR_AUTHORITY, { dueAt: null }) });
    expect(noDeadline.header).toHaveLength(3);
    expect(sampleGdprIndividualsContext('en').header).toEqual([]);
  });

  it('reference data: the US agencies are always known (CO residents: CRAs, FTC, fraud alerts)', () => {
    const ctx = contextFor(rule('us-co-residents'), 'en', { content: {} });
    expect(section(ctx, 'credit-agency-contacts').lines.map((l) => l.label)).toEqual([
      'Equifax',
      'Experian',
      'TransUnion',
    ]);
    expect(section(ctx, 'ftc-contacts').lines[0].value).toContain('600 Pennsylvania Avenue NW, Washington, DC 20580');
    expect(section(ctx, 'fraud-alert-and-freeze-info').pending).toBe(false);
    expect(ctx.pending).toEqual(['date-of-breach']); // the facts have no breach date: it comes from the responders
  });

  it('DORA: the submission type is the stage, the entity reference the incident id', () => {
    const ctx = contextFor(rule('dora-intermediate'), 'fr');
    expect(section(ctx, 'submission-type').lines[0]).toEqual({
      kind: 'text',
      label: null,
      value: 'Rapport intermédiaire',
    });
    expect(section(ctx, 'incident-reference').lines[0]).toMatchObject({ value: INCIDENT.id });
  });

  it('Swiss notices are written with "ss" for "ß", the responders\' text is left alone', () => {
    const ctx = contextFor(rule('fadp-ch-authority'), 'de-CH', { content: { measures: 'Straße gesperrt.' } });
    const rendered = renderer.render('fadp-ch-authority', 'de-CH', ctx);
    expect(section(ctx, 'measures').heading).toBe('Ergriffene oder vorgeschlagene Massnahmen');
    expect(rendered.text).toContain('Straße gesperrt.');
    expect(rendered.text.replace('Straße gesperrt.', '')).not.toContain('ß');
    expect(section(sampleGdprContext('de'), 'measures').heading).toBe('Ergriffene oder vorgeschlagene Maßnahmen');
  });
});

describe('pending elements: said to follow, and listed', () => {
  it.each(['en', 'de', 'fr', 'zh-CN'] as const)(
    'formal notice (%s): the "further report" sentence, in the template language',
    (locale) => {
      const ctx = sampleGdprContext(locale, { facts: minimalFacts(), now: undefined });
      expect(ctx.pending).toEqual([
        'nature',
        'subject-categories-and-count',
        'record-categories-and-count',
        'likely-consequences',
        'measures',
      ]);
      expect(ctx.hasPending).toBe(true);
      for (const id of ctx.pending)
        expect(section(ctx, id).lines.at(-1)).toEqual({ kind: 'text', label: null, value: TO_FOLLOW[locale] });
      expect(section(ctx, 'contact-point').pending).toBe(false);
    },
  );

  it('notices to the public say it in plain words', () => {
    const ctx = sampleGdprIndividualsContext('fr', { facts: minimalFacts() });
    expect(section(ctx, 'nature').lines).toEqual([{ kind: 'text', label: null, value: TO_FOLLOW_PUBLIC.fr }]);
  });

  it('a partly known element keeps what is known and says the rest is to follow', () => {
    const ctx = sampleGdprContext('en', { facts: completeFacts({ recordCount: undefined }) });
    expect(ctx.pending).toEqual(['record-categories-and-count']);
    expect(section(ctx, 'record-categories-and-count').lines).toEqual([
      {
        kind: 'list',
        label: 'Categories of personal data',
        value: ['names', 'financial data', 'data concerning health'],
      },
      { kind: 'text', label: null, value: TO_FOLLOW.en },
    ]);
  });

  it('blank narrative is unknown, never an empty gap', () => {
    const ctx = sampleGdprContext('en', { facts: completeFacts({ measuresTaken: '  ' }) });
    expect(ctx.pending).toEqual(['measures']);
  });

  it('writes the sentences in the language the template will be in (zh → zh-CN; ja for a GDPR kind → en)', () => {
    expect(section(sampleGdprContext('zh', { facts: minimalFacts() }), 'nature').lines[0].value).toBe(
      TO_FOLLOW['zh-CN'],
    );
    expect(section(sampleGdprContext('ja', { facts: minimalFacts() }), 'nature').lines[0].value).toBe(TO_FOLLOW.en);
  });
});

describe("the responders' content map", () => {
  const ransom = rule('circia-ransom-payment');

  it('fills elements the facts cannot, and completes partly known ones', () => {
    const without = contextFor(ransom, 'en', { content: {} });
    expect(without.pending).toEqual([
      'date-range',
      'vulnerabilities-exploited',
      'tactics-techniques-procedures',
      'threat-actor',
      'ransom-demand',
      'ransom-payment-instructions',
      'ransom-amount',
    ]);
    const withAmount = contextFor(ransom, 'en', { content: { 'ransom-amount': '12.5 BTC (about USD 1.1 million)' } });
    expect(section(withAmount, 'ransom-amount').lines).toEqual([
      { kind: 'text', label: null, value: '12.5 BTC (about USD 1.1 million)' },
    ]);
    expect(withAmount.pending).not.toContain('ransom-amount');
  });

  it('"<id>@<locale>" is preferred for that template language; blank text counts as missing', () => {
    const content = {
      cause: 'Phishing of an administrator account.',
      'cause@ja': '管理者アカウントへのフィッシング。',
      'other-relevant': ' ',
    };
    const ja = contextFor(rule('appi-individuals'), 'ja', { content });
    expect(section(ja, 'cause').lines.at(-1)?.value).toBe('管理者アカウントへのフィッシング。');
    expect(ja.pending).toEqual(['other-relevant']);
    const en = contextFor(rule('appi-individuals'), 'en', { content });
    expect(section(en, 'cause').lines.at(-1)?.value).toBe('Phishing of an administrator account.');
  });

  it("reads facts.content once the facts carry it; the request's own map wins", () => {
    const facts = Object.assign(completeFacts(), {
      content: { 'ransom-amount': 'from the facts', 'threat-actor': 'from the facts' },
    });
    const ctx = contextFor(ransom, 'en', { facts, content: { 'threat-actor': 'from the request' } });
    expect(section(ctx, 'ransom-amount').lines.at(-1)?.value).toBe('from the facts');
    expect(section(ctx, 'threat-actor').lines.at(-1)?.value).toBe('from the request');
  });
});

describe('the delay reason', () => {
  const reason =
    'The forensic provider could not confirm exfiltration until 2026-11-24; notifying earlier would have named the wrong data categories.';

  it('is a section of every formal notice when given, and of no notice to the public unless its law asks for it', () => {
    const ctx = sampleGdprContext('en', { delayReason: reason });
    expect(ctx.sections.at(-1)).toMatchObject({
      id: 'reasons-for-delay',
      heading: 'Reasons for the delay',
      lines: [{ kind: 'text', label: null, value: reason }],
      pending: false,
    });
    expect(sampleGdprIndividualsContext('en', { delayReason: reason }).sections.map((s) => s.id)).not.toContain(
      'reasons-for-delay',
    );
    expect(
      section(contextFor(rule('lgpd-individuals'), 'pt-BR', { delayReason: reason }), 'reasons-for-delay').lines[0]
        .value,
    ).toBe(reason);
  });

  it('GDPR Art. 33(1): a late notice without reasons has them pending (approval then requires them)', () => {
    const late = sampleGdprContext('en', { now: '2026-11-24T10:00:00Z' });
    expect(late.pending).toEqual(['reasons-for-delay']);
    expect(section(late, 'reasons-for-delay').lines).toEqual([{ kind: 'text', label: null, value: TO_FOLLOW.en }]);
    expect(sampleGdprContext('en', { now: '2026-11-22T10:00:00Z' }).sections.map((s) => s.id)).not.toContain(
      'reasons-for-delay',
    );
  });

  it('where the law lists the reasons as content, an in-time notice says there is no delay, an undated one has them pending', () => {
    const lgpd = rule('lgpd-authority');
    expect(section(contextFor(lgpd, 'pt-BR', { content: {} }), 'reasons-for-delay').lines[0].value).toBe(
      'Não se aplica: esta comunicação é feita dentro do prazo.',
    );
    expect(contextFor(lgpd, 'pt-BR', { content: {}, now: '2026-11-24T10:00:00Z' }).pending).toContain(
      'reasons-for-delay',
    );
    expect(contextFor(lgpd, 'pt-BR', { content: {}, now: undefined }).pending).toContain('reasons-for-delay');
  });
});

describe('dating the notice', () => {
  it('notice-date (CA) is the drafting date, formatted as a date', () => {
    const ctx = contextFor(rule('us-ca-residents'), 'en', { content: {} });
    expect(section(ctx, 'notice-date').lines).toEqual([{ kind: 'date', label: 'Date', value: '2026-11-21T09:00:00Z' }]);
    expect(renderer.render('us-ca-residents', 'en', ctx).text).toContain('Date: November 21, 2026\n');
    expect(contextFor(rule('us-ca-residents'), 'en', { content: {}, now: undefined }).pending).toContain('notice-date');
  });

  it('California: the five headings § 1798.82(d)(1) prescribes, in order, with the title "Notice of Data Breach"', () => {
    const out = renderer.render('us-ca-residents', 'en', contextFor(rule('us-ca-residents'), 'en'));
    const headings = [
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'For More Information',
    ];
    const at = headings.map((h) => out.text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out.text.startsWith('Notice of Data Breach\n')).toBe(true);
  });
});

describe('the obligation is validated on the way in', () => {
  it('an obligation without audience (older state) counts everyone', () => {
    const ob = { ...obligationFor(rule('us-co-attorney-general')) } as Partial<Obligation>;
    delete ob.audience;
    const ctx = contextFor(rule('us-co-attorney-general'), 'en', { obligation: ob as Obligation });
    expect(section(ctx, 'number-affected').lines[0]).toMatchObject({
      label: 'Approximate number of affected persons',
      value: 10_937,
    });
  });
});
