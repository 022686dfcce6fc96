/**
 * The content elements the US state rules added (rules/us-*.json): each renders, in a notice of a
 * regime that requires it, in every language the regime uses; fixed statements are always there,
 * values the responders give are "to follow" and pending until given; the state Attorney General's
 * contacts print only what a published source confirmed (activities/notices/reference.ts); and a
 * Puerto Rico residents' notice is written in Spanish.
 */
import {
  buildNoticeContext,
  checkRequiredContent,
  createNoticeRenderer,
  noticeKind,
  TO_FOLLOW,
  TO_FOLLOW_PUBLIC,
  type NoticeContextRequest,
  type NoticeLine,
} from '../../activities/notices';
import { US_ATTORNEYS_GENERAL } from '../../activities/notices/reference';
import { defaultWordingStore } from '../../activities/notices/wording';
import {
  CONTACT,
  completeFacts,
  minimalFacts,
  obligationFor,
  requestFor,
  ruleObligations,
  TEMPLATES_DIR,
  type RuleObligation,
} from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const cat = (locale: string) => defaultWordingStore().forPlan(null).catalogue(locale);
const RULES = ruleObligations();

function rule(kind: string): RuleObligation {
  const o = RULES.find((r) => `${r.regime}-${r.key}` === kind);
  if (!o) throw new Error(`no rule obligation for ${kind}`);
  return o;
}

/** Context and rendering of a kind; the responders' content is empty unless given. */
function render(kind: string, locale: string, over: Partial<NoticeContextRequest> = {}) {
  const o = rule(kind);
  const req = requestFor(o, locale, { content: {}, ...over });
  const ctx = buildNoticeContext(noticeKind(req.obligation), req);
  const out = renderer.render(kind, locale, ctx);
  expect(out).toMatchObject({ locale, fallback: false });
  // whatever is pending, every required element is there, in text and html
  expect(checkRequiredContent(o.requiredContent, ctx, out)).toEqual({ missing: [], unprobed: [] });
  const section = (id: string) => {
    const s = ctx.sections.find((x) => x.id === id);
    if (!s) throw new Error(`${kind}: no section ${id}`);
    return s;
  };
  return { ctx, out, section };
}

const values = (lines: NoticeLine[]) => lines.map((l) => l.value);
const toFollow = (kind: string, locale: string) =>
  (rule(kind).recipient === 'individuals' || rule(kind).recipient === 'media' ? TO_FOLLOW_PUBLIC : TO_FOLLOW)[locale];

/** Every new element, with a kind that requires it. */
const NEW_ELEMENTS: [string, string][] = [
  ['vigilance-advice', 'us-nc-residents'],
  ['fcra-rights', 'us-nm-residents'],
  ['identity-theft-reporting-advice', 'us-ia-individuals'],
  ['identity-theft-prevention-info', 'us-md-individuals'],
  ['attorney-general-contacts', 'us-md-individuals'],
  ['no-harm-determination', 'us-vt-no-harm-determination'],
  ['estimated-monetary-impact', 'us-ok-attorney-general'],
  ['reasonable-safeguards', 'us-ok-attorney-general'],
  ['parent-company-name', 'us-ma-residents'],
  ['police-report-number', 'us-or-credit-agencies'],
  ['credit-monitoring-offer', 'us-pa-individuals'],
  ['total-number-affected', 'us-pa-attorney-general'],
  ['toll-free-contact', 'us-wy-individuals'],
];

describe('every new element is required by its rules and renders with its heading', () => {
  it.each(NEW_ELEMENTS)('%s (%s)', (id, kind) => {
    expect(rule(kind).requiredContent).toContain(id);
    for (const locale of ['en', 'zh-CN']) {
      const { out, section } = render(kind, locale, { content: { [id]: `Text for ${id}.` } });
      const s = section(id);
      const words = cat(locale).elements[id];
      // notices to the public use the plain-language heading where there is one
      expect(s.heading).toBe(rule(kind).recipient === 'individuals' && words.plain ? words.plain : words.heading);
      expect(out.text).toContain(s.heading);
      expect(s.pending).toBe(false);
    }
  });

  it('every regime that requires one has its headings in each of its languages', () => {
    const ids = NEW_ELEMENTS.map(([id]) => id);
    for (const o of RULES.filter((r) => r.requiredContent.some((id) => ids.includes(id)))) {
      const kind = `${o.regime}-${o.key}`;
      for (const locale of o.regime === 'us-pr' ? ['en', 'es'] : ['en', 'zh-CN']) {
        for (const id of o.requiredContent.filter((x) => ids.includes(x)))
          expect({ kind, locale, id, heading: typeof cat(locale).elements[id]?.heading }).toEqual({
            kind,
            locale,
            id,
            heading: 'string',
          });
      }
    }
  });
});

describe('fixed statements: always there, nothing to follow', () => {
  it('vigilance-advice: review account statements and monitor free credit reports (MO, NC, NM, WY, MI)', () => {
    for (const kind of [
      'us-mo-residents',
      'us-nc-residents',
      'us-nm-residents',
      'us-wy-individuals',
      'us-mi-individuals',
    ]) {
      const { section, out } = render(kind, 'en', { facts: minimalFacts() });
      const s = section('vigilance-advice');
      expect(s.pending).toBe(false);
      expect(values(s.lines)).toEqual([cat('en').statements.vigilanceAdvice]);
      expect(s.lines[0].value).toMatch(/account statements.*free credit reports/);
      expect(out.text).toContain('Remain vigilant');
    }
    expect(render('us-wy-individuals', 'zh-CN').section('vigilance-advice').lines[0].value).toBe(
      cat('zh-CN').statements.vigilanceAdvice,
    );
  });

  it('fcra-rights: the Fair Credit Reporting Act rights and where to read them (NM)', () => {
    for (const locale of ['en', 'zh-CN']) {
      const s = render('us-nm-residents', locale, { facts: minimalFacts() }).section('fcra-rights');
      expect(s.pending).toBe(false);
      expect(s.lines).toEqual([{ kind: 'text', label: null, value: cat(locale).statements.fcraRights }]);
      expect(s.lines[0].value).toContain('www.consumerfinance.gov/learnmore');
    }
  });

  it('identity-theft-reporting-advice names the state whose Attorney General to tell (IA, OR)', () => {
    expect(render('us-ia-individuals', 'en').section('identity-theft-reporting-advice').lines[0].value).toBe(
      'If you suspect that you are a victim of identity theft, we advise you to report it to your local law enforcement agency, to the Federal Trade Commission and to the Attorney General of Iowa.',
    );
    expect(render('us-or-individuals', 'en').section('identity-theft-reporting-advice').lines[0].value).toMatch(
      /Attorney General of Oregon\.$/,
    );
    expect(render('us-or-individuals', 'zh-CN').section('identity-theft-reporting-advice').lines[0].value).toContain(
      '俄勒冈州总检察长',
    );
  });

  it('identity-theft-prevention-info: the FTC and the Attorney General as sources (MD, DC)', () => {
    const md = render('us-md-individuals', 'en', { facts: minimalFacts() }).section('identity-theft-prevention-info');
    expect(md).toMatchObject({ pending: false, heading: 'How to avoid identity theft' });
    expect(md.lines[0].value).toBe(
      'You can obtain information from the Federal Trade Commission and from the Attorney General of Maryland about steps you can take to avoid identity theft.',
    );
    expect(render('us-dc-residents', 'en').section('identity-theft-prevention-info').lines[0].value).toContain(
      'the Attorney General of the District of Columbia',
    );
    expect(render('us-dc-residents', 'zh-CN').section('identity-theft-prevention-info').lines[0].value).toContain(
      '哥伦比亚特区总检察长',
    );
  });
});

describe('attorney-general-contacts: only confirmed contacts are printed', () => {
  it.each([
    ['us-md-individuals', 'Maryland Office of the Attorney General', '1-888-743-0023'],
    ['us-nc-residents', "North Carolina Attorney General's Office", '1-877-566-7226'],
    ['us-ri-individuals', 'Rhode Island Office of the Attorney General', '(401) 274-4400'],
  ])('%s: the confirmed office, with its number, address and web site, complete', (kind, name, phone) => {
    const { section, out } = render(kind, 'en');
    const s = section('attorney-general-contacts');
    expect(s.pending).toBe(false);
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ kind: 'text', label: name });
    expect(s.lines[0].value).toContain(phone);
    expect(out.text).toContain(phone);
    expect(out.html).toContain(phone);
  });

  it('the District: its number is confirmed but no address, which the responders give (pending until then)', () => {
    const bare = render('us-dc-residents', 'en').section('attorney-general-contacts');
    expect(bare.pending).toBe(true);
    expect(values(bare.lines)).toEqual(['Telephone (202) 442-9828 · oag.dc.gov', TO_FOLLOW_PUBLIC.en]);
    const given = render('us-dc-residents', 'en', {
      content: { 'attorney-general-contacts': 'Address: the address the responders confirmed.' },
    }).section('attorney-general-contacts');
    expect(given.pending).toBe(false);
    expect(values(given.lines)).toEqual([
      'Telephone (202) 442-9828 · oag.dc.gov',
      'Address: the address the responders confirmed.',
    ]);
  });

  it("a jurisdiction without a confirmed entry prints no number: the responders' text, or to follow", () => {
    const o = rule('us-md-individuals');
    const obligation = obligationFor(o, { jurisdiction: 'US-VA', audience: ['US-VA'] });
    expect(Object.keys(US_ATTORNEYS_GENERAL)).not.toContain('US-VA');
    const bare = render('us-md-individuals', 'en', { obligation }).section('attorney-general-contacts');
    expect(bare).toMatchObject({ pending: true, lines: [{ kind: 'text', label: null, value: TO_FOLLOW_PUBLIC.en }] });
    const fromFacts = render('us-md-individuals', 'en', {
      obligation,
      facts: completeFacts({
        content: {
          'attorney-general-contacts': 'Office of the Attorney General of Virginia: as given by the responders.',
        },
      }),
    });
    expect(fromFacts.section('attorney-general-contacts')).toMatchObject({
      pending: false,
      lines: [{ value: 'Office of the Attorney General of Virginia: as given by the responders.' }],
    });
  });

  it('every confirmed entry says where it was confirmed and is named in English and Chinese', () => {
    for (const [code, ag] of Object.entries(US_ATTORNEYS_GENERAL)) {
      expect({ code, source: ag.source.length > 10 }).toEqual({ code, source: true });
      for (const locale of ['en', 'zh-CN', 'es'])
        expect({ code, locale, name: typeof cat(locale).agencies[ag.name] }).toEqual({ code, locale, name: 'string' });
      if (ag.address === null) expect(ag.missing).toContain('address');
    }
  });
});

describe('values the responders give (facts.content): pending until given', () => {
  it.each([
    ['no-harm-determination', 'us-ak-no-harm-determination'],
    ['no-harm-determination', 'us-dc-no-harm-determination'],
    ['no-harm-determination', 'us-fl-no-harm-determination'],
    ['no-harm-determination', 'us-sd-no-harm-determination'],
    ['no-harm-determination', 'us-vt-no-harm-determination'],
    ['estimated-monetary-impact', 'us-ok-attorney-general'],
    ['reasonable-safeguards', 'us-ok-attorney-general-deemed-compliant'],
    ['parent-company-name', 'us-ma-residents'],
    ['police-report-number', 'us-or-credit-agencies'],
    ['credit-monitoring-offer', 'us-pa-individuals'],
  ])('%s (%s)', (id, kind) => {
    for (const locale of ['en', 'zh-CN']) {
      const bare = render(kind, locale);
      expect(bare.section(id)).toMatchObject({
        pending: true,
        lines: [{ kind: 'text', label: null, value: toFollow(kind, locale) }],
      });
      expect(bare.ctx.pending).toContain(id);
      expect(bare.out.pending).toContain(id);
      const text = `Given for ${id}: reasons and details.`;
      const given = render(kind, locale, { facts: completeFacts({ content: { [id]: text } }) });
      expect(given.section(id)).toMatchObject({ pending: false, lines: [{ kind: 'text', label: null, value: text }] });
      expect(given.out.text).toContain(text);
      expect(given.ctx.pending).not.toContain(id);
    }
  });
});

describe('total-number-affected: everyone affected, in every jurisdiction (PA, UT)', () => {
  it.each(['us-pa-attorney-general', 'us-ut-attorney-general', 'us-ut-utah-cyber-center'])('%s', (kind) => {
    const o = rule(kind);
    const place = `US-${o.regime.slice(3).toUpperCase()}`;
    const facts = completeFacts({
      affected: [
        { country: 'US', region: place, count: 812 },
        { country: 'US', region: 'US-NY', count: 5400 },
        { country: 'DE', count: 4000 },
      ],
    });
    const { section, out } = render(kind, 'en', {
      facts,
      obligation: obligationFor(o, { jurisdiction: place, audience: [place] }),
    });
    expect(section('total-number-affected')).toMatchObject({
      pending: false,
      lines: [{ kind: 'count', label: 'Approximate number of affected persons', value: 10_212 }],
    });
    expect(section('number-affected').lines).toEqual([
      { kind: 'count', label: expect.stringContaining('Approximate number of affected persons in '), value: 812 },
    ]);
    expect(out.text).toContain('10,212');
    expect(render(kind, 'en', { facts: minimalFacts() }).section('total-number-affected').pending).toBe(true);
  });
});

describe("toll-free-contact: the plan's contact telephone, else the responders' text (WY, PR)", () => {
  it('the plan contact has a telephone: it is given, complete', () => {
    for (const [kind, locale] of [
      ['us-wy-individuals', 'en'],
      ['us-pr-individuals', 'en'],
      ['us-pr-individuals', 'es'],
    ]) {
      const s = render(kind, locale).section('toll-free-contact');
      expect(s).toMatchObject({
        pending: false,
        lines: [{ kind: 'text', label: cat(locale).labels.phone, value: CONTACT.phone }],
      });
    }
  });

  it("without a telephone: the responders' text, or to follow", () => {
    const contact = { name: CONTACT.name, email: CONTACT.email };
    const bare = render('us-pr-individuals', 'es', { contact }).section('toll-free-contact');
    expect(bare).toMatchObject({
      pending: true,
      heading: 'Cómo comunicarse con nosotros sin costo',
      lines: [{ value: TO_FOLLOW_PUBLIC.es }],
    });
    const given = render('us-pr-individuals', 'es', {
      contact,
      content: { 'toll-free-contact@es': '1-800-555-0199 · www.acme.example/aviso' },
    }).section('toll-free-contact');
    expect(given).toMatchObject({ pending: false, lines: [{ value: '1-800-555-0199 · www.acme.example/aviso' }] });
  });
});

describe('Puerto Rico: residents are notified in Spanish', () => {
  it("the residents' notice renders in Spanish, without fallback, with the Spanish headings", () => {
    const { ctx, out } = render('us-pr-individuals', 'es');
    expect(out).toMatchObject({
      kind: 'us-pr-individuals',
      locale: 'es',
      requestedLocale: 'es',
      fallback: false,
      pending: [],
    });
    expect(ctx.sections.map((s) => s.heading)).toEqual([
      'Qué sucedió',
      'Qué información estuvo involucrada',
      'Cómo comunicarse con nosotros sin costo',
    ]);
    expect(out.subject).toBe('Notificación de violación de la seguridad de los datos – Acme Widgets GmbH');
    expect(out.text).toContain('Estimado(a) señor(a):');
    expect(out.text).toContain('Ley Núm. 111 de 7 de septiembre de 2005');
    expect(out.text).toContain(
      'Categorías de datos personales: nombres, datos financieros y datos relativos a la salud',
    );
    expect(out.text).toContain('Atentamente,');
    expect(out.html).toContain('<html lang="es">');
    expect(out.html).toContain('<h2>Qué sucedió</h2>');
    // no English left in the parts the wording writes
    for (const en of ['Dear Sir or Madam', 'What happened', 'Yours faithfully', 'If you have any questions'])
      expect(out.text).not.toContain(en);
  });

  it('a bare notice says in Spanish what is to follow', () => {
    const { ctx, out } = render('us-pr-individuals', 'es', { facts: minimalFacts() });
    expect(ctx.pending).toEqual(['nature', 'data-categories']);
    expect(out.text).toContain('Aún no se conoce; le informaremos tan pronto sepamos más.');
    expect(out.text).toContain(cat('es').phrases.pendingPublic);
  });

  it('a Spanish-speaking request (es-PR) gets the Spanish notice, reported as a fallback', () => {
    const o = rule('us-pr-individuals');
    const req = requestFor(o, 'es-PR', { content: {} });
    const out = renderer.render('us-pr-individuals', 'es-PR', buildNoticeContext('us-pr-individuals', req));
    expect(out).toMatchObject({ locale: 'es', fallback: true });
    expect(out.text).toContain('Qué sucedió');
  });

  it('the English version still exists, with the English headings', () => {
    const { ctx } = render('us-pr-individuals', 'en');
    expect(ctx.sections.map((s) => s.heading)).toEqual([
      'What happened',
      'What information was involved',
      'How to reach us free of charge',
    ]);
  });

  it('the report to DACO is formal, in Spanish and English, addressed to the Department', () => {
    const es = render('us-pr-department-of-consumer-affairs', 'es');
    expect(es.ctx.sections.map((s) => s.heading)).toEqual([
      'Naturaleza del incidente',
      'Tipo de información sensible comprometida',
      'Número de personas afectadas',
      'Medidas tomadas o propuestas',
      'Punto de contacto para más información',
    ]);
    expect(es.out.text).toMatch(/^Para: el Departamento de Asuntos del Consumidor de Puerto Rico \(DACO\)$/m);
    expect(es.out.text).toContain('10 L.P.R.A. § 4052');
    const en = render('us-pr-department-of-consumer-affairs', 'en', { facts: minimalFacts() });
    expect(en.out.text).toMatch(/^To: the Puerto Rico Department of Consumer Affairs \(DACO\)$/m);
    expect(en.ctx.pending).toEqual(['nature', 'data-categories', 'number-affected', 'measures']);
  });
});
