/**
 * The mailer builds a mass-notification variant once and gives each person a copy with their own
 * To, Message-ID and Date: each copy must be the message nodemailer would have built for them
 * (apart from the MIME boundary, which nodemailer picks at random anyway).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { createMailer, type OutgoingMail } from '../../activities/mail';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The parts nodemailer chooses per build: boundary and date. */
const normalise = (raw: string) =>
  raw.replace(/--_NmP-[0-9a-f]+-Part_\d+/g, 'BOUNDARY').replace(/^Date: .*$/m, 'Date: DATE');

const letter = (to: string, n: number): OutgoingMail => ({
  from: 'Incident Response <incident-response@example.org>',
  replyTo: 'dpo@example.org',
  to: [to],
  subject: 'Wichtige Information – eine Verletzung des Schutzes Ihrer Daten',
  text: 'Sehr geehrte Damen und Herren,\n.eine Zeile mit Punkt\nÜbermäßig lange Zeile '.repeat(8),
  html: '<p>Sehr geehrte Damen und Herren, &uuml;bermäßig</p>',
  messageId: `<${String(n).padStart(32, '0')}@example.org>`,
});

async function reference(mail: OutgoingMail): Promise<string> {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await t.sendMail({ ...mail, disableFileAccess: true, disableUrlAccess: true });
  return (info.message as Buffer).toString('latin1');
}

describe('mailer: one build per variant', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bre-mail-template-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['a plain address (copied from the template)', 'person.7+x@example.net'],
    ['an address nodemailer rewrites (built in full)', 'Person@EXAMPLE.net'],
    ['an address with non-ASCII (built in full)', 'jörg@jõgeva.ee'],
  ])('each copy is what nodemailer builds for that person: %s', async (_what, to) => {
    const mailer = createMailer({ outboxDir: dir });
    await mailer.send(letter('first@example.net', 1)); // builds the variant
    const evidence = await mailer.send(letter(to, 2));
    mailer.close();
    const raw = await readFile(evidence.path!);
    expect(evidence.contentHash).toBe(sha256(raw));
    const copy = raw.toString('latin1');
    expect(normalise(copy)).toBe(normalise(await reference(letter(to, 2))));
    expect(copy).toMatch(/^Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000\r$/m);
    expect(copy).not.toContain('template.invalid');
  });

  it('different content is a different variant', async () => {
    const mailer = createMailer({ outboxDir: dir });
    await mailer.send(letter('a@example.net', 1));
    const other = { ...letter('b@example.net', 2), text: 'Another letter.' };
    const evidence = await mailer.send(other);
    mailer.close();
    const copy = (await readFile(evidence.path!)).toString('latin1');
    expect(normalise(copy)).toBe(normalise(await reference(other)));
  });
});
