/**
 * The mailer against a real SMTP server (smtp-server on 127.0.0.1) and in outbox mode; what
 * arrives is parsed with mailparser. Also: which failures are permanent and which temporary.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  classifySmtpError,
  createMailer,
  makeMessageId,
  MailRejectedError,
  smtpPoolOptions,
  toActivityError,
  type Mailer,
  type OutgoingMail,
} from '../../activities/mail';
import { closedPort, startSmtpServer, type TestServer } from './smtp-fixture';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address));

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: 'Breach Engine <noreply@acme.example>',
  to: ['dpa@authority.example'],
  replyTo: 'dpo@acme.example',
  subject: 'Meldung einer Verletzung – Vorfall INC-1: Ransomware',
  // a line starting with "." exercises SMTP dot-stuffing; non-ASCII exercises the transfer encoding
  text: 'Art der Verletzung: Verschlüsselung.\n.hidden line that starts with a dot\n..and two dots\nEnde.',
  html: '<p>Art der Verletzung: Verschl&uuml;sselung.</p>',
  messageId: makeMessageId(['INC-1', 'gdpr:authority:DE'], 'acme.example'),
  headers: { 'X-Incident-Id': 'INC-1' },
  ...over,
});

async function expectParsed(parsed: ParsedMail, m: OutgoingMail) {
  expect(parsed.from?.value[0]).toMatchObject({ address: 'noreply@acme.example', name: 'Breach Engine' });
  expect(addresses(parsed.to)).toEqual(m.to);
  expect(addresses(parsed.replyTo)).toEqual([m.replyTo]);
  expect(parsed.subject).toBe(m.subject);
  expect(parsed.messageId).toBe(m.messageId);
  expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(m.text);
  expect(typeof parsed.html === 'string' ? parsed.html.trim() : parsed.html).toBe(m.html);
  expect(parsed.headers.get('x-incident-id')).toBe('INC-1');
}

/** Await a rejection and return the error (fails the test if the promise resolves). */
async function failure(p: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = await p.then(
    () => ({ resolved: true as const }),
    (err: unknown) => ({ resolved: false as const, err }),
  );
  if (result.resolved) throw new Error('expected the send to fail');
  return result.err as Record<string, unknown>;
}

describe('SMTP transport', () => {
  let server: TestServer;
  let mailer: Mailer;
  beforeAll(async () => {
    server = await startSmtpServer({
      rcpt: (a) =>
        a.startsWith('nobody@')
          ? [550, '5.1.1 <nobody@authority.example>: Recipient address rejected: User unknown']
          : a.startsWith('busy@')
            ? [451, '4.3.0 Mailbox temporarily unavailable, try again later']
            : undefined,
    });
    mailer = createMailer({ smtpUrl: server.url, outboxDir: '/nonexistent/not-used-in-smtp-mode' });
  });
  afterAll(async () => {
    mailer.close();
    await server.close();
  });

  it('delivers: the server receives exactly the fields sent', async () => {
    const m = mail();
    const ev = await mailer.send(m);
    const got = server.received.at(-1);
    if (!got) throw new Error('nothing received');
    expect(got.mailFrom).toBe('noreply@acme.example');
    expect(got.rcptTo).toEqual(['dpa@authority.example']);
    await expectParsed(await simpleParser(got.raw), m);
    expect(ev).toMatchObject({
      messageId: m.messageId,
      accepted: ['dpa@authority.example'],
      rejected: [],
      transport: 'smtp',
    });
    expect(ev.response).toMatch(/^250 .*queued as Q\d+/);
    expect(new Date(ev.sentAt).toISOString()).toBe(ev.sentAt);
    expect(ev.path).toBeUndefined();
  });

  /*
   * contentHash is the sha256 of the message we built (CRLF line endings). On the wire, SMTP
   * dot-stuffs lines that start with "." and appends "\r\n.\r\n"; smtp-server undoes both, so
   * what it hands to onData is byte-for-byte the message before transmission. Equality is
   * therefore exact — no normalization needed, because the message was built with CRLF line
   * endings (nodemailer would otherwise convert LF to CRLF in transit and the hashes differ).
   */
  it('contentHash is the sha256 of the bytes the server received', async () => {
    const ev = await mailer.send(mail({ messageId: '<hash-check@acme.example>' }));
    const got = server.received.at(-1);
    if (!got) throw new Error('nothing received');
    expect(got.raw.toString('latin1')).toContain('\r\n.hidden line'); // un-stuffed by the server
    expect(got.raw.toString('latin1')).not.toMatch(/(^|[^\r])\n/); // CRLF only
    expect(ev.contentHash).toBe(sha256(got.raw));
  });

  it('the same notice gets the same Message-ID (a resend is recognisable)', () => {
    expect(makeMessageId(['INC-1', 'gdpr:authority:DE'], 'acme.example')).toBe(
      makeMessageId(['INC-1', 'gdpr:authority:DE'], 'ACME.example'),
    );
    expect(makeMessageId(['INC-1', 'gdpr:authority:DE'], 'acme.example')).not.toBe(
      makeMessageId(['INC-1', 'gdpr:individuals:DE'], 'acme.example'),
    );
    expect(makeMessageId(['ab', 'c'], 'x.example')).not.toBe(makeMessageId(['a', 'bc'], 'x.example'));
  });

  it('RCPT rejected with 550 → permanent, non-retryable SmtpPermanentFailure carrying the reply', async () => {
    const err = await failure(mailer.send(mail({ to: ['nobody@authority.example'] })));
    expect(classifySmtpError(err)).toBe('permanent');
    const af = toActivityError(err);
    expect(af).toBeInstanceOf(ApplicationFailure);
    expect(af.type).toBe('SmtpPermanentFailure');
    expect(af.nonRetryable).toBe(true);
    expect(af.message).toContain('550 5.1.1 <nobody@authority.example>: Recipient address rejected');
    expect(af.details?.[0]).toMatchObject({ responseCode: 550, rejected: ['nobody@authority.example'] });
  });

  it('RCPT answered 451 → temporary, retryable SmtpTemporaryFailure carrying the reply', async () => {
    const err = await failure(mailer.send(mail({ to: ['busy@authority.example'] })));
    expect(classifySmtpError(err)).toBe('temporary');
    const af = toActivityError(err);
    expect(af.type).toBe('SmtpTemporaryFailure');
    expect(af.nonRetryable).toBe(false);
    expect(af.message).toContain('451 4.3.0 Mailbox temporarily unavailable');
  });

  it('one recipient rejected among accepted ones is still a failure (nodemailer alone would resolve)', async () => {
    const before = server.received.length;
    const err = await failure(mailer.send(mail({ to: ['dpa@authority.example', 'nobody@authority.example'] })));
    expect(err).toBeInstanceOf(MailRejectedError);
    expect(classifySmtpError(err)).toBe('permanent');
    const af = toActivityError(err);
    expect(af.nonRetryable).toBe(true);
    expect(af.message).toContain('nobody@authority.example: 550');
    // the accepted recipient did get it: the failure says so, with the evidence
    expect(server.received.length).toBe(before + 1);
    expect(af.details?.[0]).toMatchObject({
      accepted: ['dpa@authority.example'],
      rejected: ['nobody@authority.example'],
      evidence: { accepted: ['dpa@authority.example'], rejected: ['nobody@authority.example'], transport: 'smtp' },
    });
  });

  it('a 5xx among 4xx rejections decides: permanent', async () => {
    const err = await failure(mailer.send(mail({ to: ['nobody@authority.example', 'busy@authority.example'] })));
    expect(classifySmtpError(err)).toBe('permanent');
  });
});

describe('SMTP with DKIM', () => {
  it('signs, and the hash still matches what was received', async () => {
    const server = await startSmtpServer();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const mailer = createMailer({
      smtpUrl: server.url,
      outboxDir: os.tmpdir(),
      dkim: {
        domainName: 'acme.example',
        keySelector: 'ir2026',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    try {
      const ev = await mailer.send(mail());
      const got = server.received[0];
      const head = got.raw
        .toString('latin1')
        .split('\r\n\r\n')[0]
        .replace(/\r\n[ \t]+/g, ' '); // unfold
      expect(head).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;.* d=acme\.example;.* s=ir2026;/m);
      expect((await simpleParser(got.raw)).subject).toBe(mail().subject);
      expect(ev.contentHash).toBe(sha256(got.raw));
    } finally {
      mailer.close();
      await server.close();
    }
  });
});

describe('connection failures', () => {
  it('a refused connection → temporary, with the socket error in the message', async () => {
    const port = await closedPort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: os.tmpdir() });
    try {
      const err = await failure(mailer.send(mail()));
      expect(classifySmtpError(err)).toBe('temporary');
      const af = toActivityError(err);
      expect(af.type).toBe('SmtpTemporaryFailure');
      expect(af.message).toMatch(/ECONNREFUSED/);
      expect(af.details?.[0]).toMatchObject({ messageId: mail().messageId });
    } finally {
      mailer.close();
    }
  });

  it('send after close is refused', async () => {
    const mailer = createMailer({ outboxDir: os.tmpdir() });
    mailer.close();
    mailer.close();
    expect(classifySmtpError(await failure(mailer.send(mail())))).toBe('permanent');
  });

  it('insists on STARTTLS for smtp:// except on loopback, unless told otherwise', () => {
    expect(smtpPoolOptions('smtp://u:p@mail.example:587')).toMatchObject({ pool: true, requireTLS: true });
    expect(smtpPoolOptions('smtp://127.0.0.1:2525')).toMatchObject({ requireTLS: false });
    expect(smtpPoolOptions('smtp://localhost:2525')).toMatchObject({ requireTLS: false });
    expect(smtpPoolOptions('smtp://mail.example:25', false)).toMatchObject({ requireTLS: false });
    expect(smtpPoolOptions('smtps://mail.example:465')).not.toHaveProperty('requireTLS'); // TLS from the first byte
  });

  it('an smtpUrl that is not smtp:/smtps: is refused without echoing it', () => {
    expect(() => createMailer({ smtpUrl: 'http://user:hunter2@host', outboxDir: os.tmpdir() })).toThrow(
      /smtp: or smtps:/,
    );
    expect(() => createMailer({ smtpUrl: 'not a url hunter2', outboxDir: os.tmpdir() })).toThrow(
      /^(?!.*hunter2).*not a valid URL/,
    );
  });
});

describe('outbox transport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'outbox-test-')), 'nested', 'outbox'); // created on first send
  });
  afterAll(async () => {
    await rm(path.dirname(path.dirname(dir)), { recursive: true, force: true });
  });

  it('writes a parseable .eml with the same fields; the hash is of the file', async () => {
    const mailer = createMailer({ outboxDir: dir });
    try {
      const m = mail();
      const ev = await mailer.send(m);
      expect(ev).toMatchObject({
        transport: 'outbox',
        response: 'written to outbox',
        accepted: m.to,
        rejected: [],
        messageId: m.messageId,
      });
      const file = ev.path as string;
      expect(path.dirname(file)).toBe(dir);
      const safeId = m.messageId.slice(1, -1);
      expect(path.basename(file)).toBe(`${ev.sentAt.replace(/:/g, '-')}-${safeId}.eml`);
      const raw = await readFile(file);
      expect(ev.contentHash).toBe(sha256(raw));
      await expectParsed(await simpleParser(raw), m);
    } finally {
      mailer.close();
    }
  });

  it('never overwrites: two sends are two files', async () => {
    const mailer = createMailer({ outboxDir: dir });
    try {
      const a = await mailer.send(mail({ messageId: '<twice@acme.example>' }));
      const b = await mailer.send(mail({ messageId: '<twice@acme.example>' })).catch((e: unknown) => e);
      const files = (await readdir(dir)).filter((f) => f.includes('twice@acme.example'));
      // either a second file (different millisecond) or a refusal (same millisecond) — never a silent overwrite
      if (b instanceof Error) expect(files).toHaveLength(1);
      else expect(files).toHaveLength(2);
      expect(a.path).toBeDefined();
    } finally {
      mailer.close();
    }
  });

  it('a message id with unsafe characters becomes a safe file name', async () => {
    const mailer = createMailer({ outboxDir: dir });
    try {
      const ev = await mailer.send(mail({ messageId: '<a/../b%c$d@acme.example>' }));
      expect(path.dirname(ev.path as string)).toBe(dir);
      expect(path.basename(ev.path as string)).toMatch(/-a_.._b_c_d@acme\.example\.eml$/);
    } finally {
      mailer.close();
    }
  });
});

describe('classifySmtpError', () => {
  const e = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);
  it.each<[string, 'permanent' | 'temporary', unknown]>([
    ['550 reply', 'permanent', e({ code: 'EENVELOPE', responseCode: 550, response: '550 no' })],
    ['554 on DATA', 'permanent', e({ code: 'EMESSAGE', responseCode: 554, response: '554 spam' })],
    ['535 auth', 'permanent', e({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' })],
    ['auth without a reply (no mechanism)', 'permanent', e({ code: 'EAUTH' })],
    ['missing credentials', 'permanent', e({ code: 'ENOAUTH' })],
    ['451 reply', 'temporary', e({ code: 'EENVELOPE', responseCode: 451 })],
    ['421 service closing', 'temporary', e({ code: 'EPROTOCOL', responseCode: 421 })],
    ['454 auth temporarily failed', 'temporary', e({ code: 'EAUTH', responseCode: 454 })],
    ['ECONNREFUSED', 'temporary', e({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })],
    ['ECONNRESET', 'temporary', e({ code: 'ECONNRESET' })],
    ['ETIMEDOUT', 'temporary', e({ code: 'ETIMEDOUT' })],
    ['connection closed', 'temporary', e({ code: 'ECONNECTION' })],
    [
      'EENVELOPE with 4xx per recipient',
      'temporary',
      e({ code: 'EENVELOPE', rejectedErrors: [{ responseCode: 452 }] }),
    ],
    [
      'EENVELOPE with a 5xx among 4xx',
      'permanent',
      e({ code: 'EENVELOPE', responseCode: 451, rejectedErrors: [{ responseCode: 451 }, { responseCode: 550 }] }),
    ],
    ['something unknown', 'temporary', new Error('boom')],
    ['a non-error value', 'temporary', 'boom'],
  ])('%s → %s', (_name, kind, err) => {
    expect(classifySmtpError(err)).toBe(kind);
  });

  it('toActivityError passes an ApplicationFailure through', () => {
    const af = ApplicationFailure.nonRetryable('x', 'Other');
    expect(toActivityError(af)).toBe(af);
  });
});
