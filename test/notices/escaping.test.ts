/**
 * User-supplied text cannot become markup in the HTML part or a header in the message:
 * HTML is escaped by handlebars, the subject is collapsed to one line, and the mailer refuses
 * line breaks in any header field it is given.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer, MailValidationError, classifySmtpError, type OutgoingMail } from '../../activities/mail';
import { createNoticeRenderer, noticeKind, sanitizeHeaderText, TEMPLATE_LOCALES } from '../../activities/notices';
import {
  completeFacts,
  CONTENT,
  contextFor,
  obligationFor,
  ruleObligations,
  sampleGdprContext,
  sampleReminderContext,
  TEMPLATES_DIR,
  type RuleObligation,
} from './fixtures';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const SCRIPT = '<script>alert("x")</script>';
const INJECTED_TITLE = 'Server down\r\nBcc: attacker@evil.example\r\nX-Injected: yes\r\n\r\n<b>body</b>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

/** User text everywhere a notice takes it: facts, plan contact, incident, delay reason and every element's content. */
function hostile(o: RuleObligation, locale: string) {
  return contextFor(o, locale, {
    incident: { id: 'INC-1', title: `Title ${SCRIPT}` },
    facts: completeFacts({
      nature: `Before ${SCRIPT} after`,
      entity: { name: 'Evil <img src=x onerror=alert(1)> Ltd', country: 'US' },
    }),
    contact: { name: "O'Brien & <Partners>", email: 'dpo@example.org' },
    content: Object.fromEntries(Object.keys(CONTENT).map((id) => [id, `${id}: ${SCRIPT}`])),
    delayReason: `Delayed ${SCRIPT}`,
  });
}

const ALL = ruleObligations().flatMap((o) => {
  const kind = noticeKind(obligationFor(o));
  return TEMPLATE_LOCALES[kind].map((locale) => [kind, locale, o] as const);
});

describe('HTML escaping', () => {
  it.each(ALL)('%s/%s escapes user text in every place it appears', (kind, locale, o) => {
    const out = renderer.render(kind, locale, hostile(o, locale));
    expect(out.html).not.toMatch(/<script|<img|<Partners>/i);
    expect(out.html).toContain(ESCAPED_SCRIPT);
    expect(out.html).toContain('Evil &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; Ltd');
    for (const id of o.requiredContent) expect(out.html).toContain(`${id}: ${ESCAPED_SCRIPT}`);
    // plain text is not HTML: the text part carries the user's words as they are
    for (const id of o.requiredContent) expect(out.text).toContain(`${id}: ${SCRIPT}`);
  });

  it('contact details are escaped where the template shows them', () => {
    const out = renderer.render(
      'gdpr-authority',
      'en',
      sampleGdprContext('en', { contact: { name: "O'Brien & <Partners>", email: 'dpo@example.org' } }),
    );
    expect(out.html).toContain('O&#x27;Brien &amp; &lt;Partners&gt;');
    expect(out.text).toContain("O'Brien & <Partners>");
  });

  it('a formal notice shows the delay reason, escaped, in every language', () => {
    for (const locale of TEMPLATE_LOCALES['dora-final']) {
      const o = ruleObligations().find((r) => r.regime === 'dora' && r.key === 'final')!;
      const out = renderer.render('dora-final', locale, hostile(o, locale));
      expect(out.html).toContain(`Delayed ${ESCAPED_SCRIPT}`);
      expect(out.text).toContain(`Delayed ${SCRIPT}`);
    }
  });

  it('escapes in every kind that shows user text (reminder title)', () => {
    const out = renderer.render('reminder', 'en', sampleReminderContext({ incident: { id: 'INC-1', title: SCRIPT } }));
    expect(out.html).not.toContain('<script');
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('refuses a javascript: link rather than escaping it', () => {
    expect(() => renderer.render('reminder', 'en', sampleReminderContext({ link: 'javascript:alert(1)' }))).toThrow(
      /link/,
    );
  });
});

describe('header injection', () => {
  it('a subject never contains CR, LF or other line/format controls', () => {
    const out = renderer.render(
      'gdpr-authority',
      'en',
      sampleGdprContext('en', { incident: { id: 'INC-1', title: INJECTED_TITLE } }),
    );
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.subject).toContain('Server down Bcc: attacker@evil.example X-Injected: yes <b>body</b>');
  });

  it.each(ALL)('%s/%s: no CR/LF in the subject, whether the title or the entity name carries it', (kind, locale, o) => {
    const ctx = contextFor(o, locale, {
      incident: { id: 'INC-1', title: INJECTED_TITLE },
      facts: completeFacts({ entity: { name: 'Acme\r\nBcc: attacker@evil.example', country: 'US' } }),
    });
    const out = renderer.render(kind, locale, ctx);
    expect(out.subject).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    expect(out.subject).toContain('Acme Bcc: attacker@evil.example');
  });

  it('sanitizeHeaderText collapses every kind of line break and control character', () => {
    expect(sanitizeHeaderText('a\rb\nc\r\nd\u0085e\u2028f\u2029g\u0000h\u001bi\u007fj\u202ek\t l')).toBe(
      'a b c d e f g h i j k l',
    );
    expect(() => sanitizeHeaderText(' \r\n ')).toThrow(/empty/);
  });

  describe('the message as sent', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'notice-injection-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each([
      ['gdpr-authority', 'en'],
      ['us-ca-residents', 'zh-CN'],
      ['appi-authority-final', 'ja'],
    ])('%s/%s parsed by mailparser has no injected header and the intended recipients only', async (kind, locale) => {
      const o = ruleObligations().find((r) => `${r.regime}-${r.key}` === kind)!;
      const out = renderer.render(
        kind,
        locale,
        contextFor(o, locale, {
          incident: { id: 'INC-1', title: INJECTED_TITLE },
          facts: completeFacts({ entity: { name: `Acme${INJECTED_TITLE}`, country: 'US' } }),
        }),
      );
      const mailer = createMailer({ outboxDir: dir });
      try {
        const ev = await mailer.send({
          from: 'noreply@acme.example',
          to: ['dpa@authority.example'],
          subject: out.subject,
          text: out.text,
          html: out.html,
          messageId: `<inj-1-${kind}-${locale}@acme.example>`,
        });
        const raw = await readFile(ev.path as string);
        const parsed = await simpleParser(raw);
        expect(parsed.headers.has('x-injected')).toBe(false);
        expect(parsed.headers.has('bcc')).toBe(false);
        expect(parsed.bcc).toBeUndefined();
        expect(parsed.subject).toBe(out.subject);
        expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual([
          'dpa@authority.example',
        ]);
        // the header block ends where it should: the injected "blank line" did not start the body
        const headerBlock = raw.toString('utf8').split('\r\n\r\n')[0];
        expect(headerBlock).not.toMatch(/^X-Injected:/im);
        expect(headerBlock).not.toMatch(/^Bcc:/im);
      } finally {
        mailer.close();
      }
    });

    it('the mailer itself refuses CR/LF in subject, addresses and extra headers (permanent failure)', async () => {
      const mailer = createMailer({ outboxDir: dir });
      const base = {
        from: 'noreply@acme.example',
        to: ['dpa@authority.example'],
        subject: 'ok',
        text: 'ok',
        messageId: '<inj-2@acme.example>',
      };
      try {
        const bads: OutgoingMail[] = [
          { ...base, subject: 'a\r\nBcc: x@evil.example' },
          { ...base, to: ['dpa@authority.example\r\nBcc: x@evil.example'] },
          { ...base, headers: { 'X-Notice': 'n1\r\nBcc: x@evil.example' } },
          { ...base, headers: { 'Bcc: x@evil.example\r\nX-A': 'v' } },
          { ...base, headers: { Subject: 'override' } },
          { ...base, messageId: '<a@b>\r\nX-Injected: yes' },
        ];
        for (const bad of bads) {
          const err = await mailer.send(bad).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(MailValidationError);
          expect(classifySmtpError(err)).toBe('permanent');
        }
      } finally {
        mailer.close();
      }
    });
  });
});
