import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { SMTPPoolOptions, StreamSentMessageInfo } from 'nodemailer';
import { MailRejectedError, MailValidationError } from './errors';
import { OutgoingMail, type Mailer, type MailerOptions, type SendEvidence } from './types';

export type { Mailer, MailerOptions, SendEvidence, DkimOptions } from './types';
export type { OutgoingMail } from './types';

const OUTBOX_RESPONSE = 'written to outbox';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** "<a.b@c>" → "a.b@c", anything outside [A-Za-z0-9._@-] → "_", bounded length. */
export function safeMessageIdForFile(messageId: string): string {
  return messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .slice(0, 200);
}

type TemplateSlot = 'to' | 'messageId' | 'date';
interface MessageTemplate {
  /** The header block cut at each slot: head[0] slot[0] head[1] … slot[n-1] head[n]. */
  head: string[];
  slots: TemplateSlot[];
  /** Everything after the header block (the MIME parts), shared by every copy. */
  body: Buffer;
  envelope: StreamSentMessageInfo['envelope'];
}
const TEMPLATE_CACHE_SIZE = 64;
const TEMPLATE_TO = 'to@template.invalid';
const TEMPLATE_MESSAGE_ID = '<message-id@template.invalid>';
/** Addresses nodemailer writes and puts in the envelope unchanged: ASCII dot-atom, lower-case ASCII domain, no folding. */
const PLAIN_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const PLAIN_MESSAGE_ID = /^<[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,64}>$/;

/** Cuts nodemailer's message at its To, Message-ID and Date lines; null if any is not there exactly once. */
function messageTemplate(raw: Buffer, envelope: StreamSentMessageInfo['envelope']): MessageTemplate | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const header = raw.subarray(0, end + 2).toString('latin1');
  const lines: [TemplateSlot, RegExp][] = [
    ['to', new RegExp(`^To: (${TEMPLATE_TO.replace(/\./g, '\\.')})\r$`, 'gm')],
    ['messageId', new RegExp(`^Message-ID: (${TEMPLATE_MESSAGE_ID.replace(/\./g, '\\.')})\r$`, 'gm')],
    ['date', /^Date: ([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000)\r$/gm],
  ];
  const cuts: { at: number; length: number; slot: TemplateSlot }[] = [];
  for (const [slot, re] of lines) {
    const found = [...header.matchAll(re)];
    if (found.length !== 1) return null;
    const m = found[0];
    const at = m.index + m[0].indexOf(': ') + 2;
    cuts.push({ at, length: m[1].length, slot });
  }
  cuts.sort((a, b) => a.at - b.at);
  const head: string[] = [];
  let from = 0;
  for (const c of cuts) {
    head.push(header.slice(from, c.at));
    from = c.at + c.length;
  }
  head.push(header.slice(from));
  return { head, slots: cuts.map((c) => c.slot), body: Buffer.from(raw.subarray(end + 2)), envelope };
}

/** ISO-8601 with ':' replaced by '-' so the name is valid on every file system. */
const fileTimestamp = (iso: string): string => iso.replace(/:/g, '-');

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * nodemailer pool options for an smtp(s) URL. Query parameters of the URL are nodemailer
 * options and win over these defaults, e.g. smtp://relay:25?requireTLS=false for a relay
 * inside a trusted network that has no STARTTLS.
 */
export function smtpPoolOptions(smtpUrl: string, requireTLS?: boolean): SMTPPoolOptions & { pool: true } {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailValidationError('smtpUrl is not a valid URL'); // never echo the URL: it may hold a password
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailValidationError(`smtpUrl must use smtp: or smtps:, not ${url.protocol}`);
  }
  const plain = url.protocol === 'smtp:';
  return {
    pool: true,
    url: smtpUrl,
    // smtps:// is TLS from the first byte; for smtp:// insist on STARTTLS unless told otherwise.
    ...(plain ? { requireTLS: requireTLS ?? !isLoopback(url.hostname) } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  };
}

/**
 * SMTP (pooled) when `smtpUrl` is given, otherwise an outbox directory of .eml files.
 *
 * Either way the message is first built once, by nodemailer's stream transport (CRLF line
 * endings, DKIM-signed when configured); those exact bytes are hashed and then handed on —
 * to the SMTP pool as `raw`, or to the .eml file — so `contentHash` is the hash of what was sent.
 */
export function createMailer(opts: MailerOptions): Mailer {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(opts.dkim ? { dkim: { ...opts.dkim } } : {}),
  });
  const pool = opts.smtpUrl ? nodemailer.createTransport(smtpPoolOptions(opts.smtpUrl, opts.requireTLS)) : null;
  let closed = false;
  const templates = new Map<string, MessageTemplate | null>();

  async function build(mail: OutgoingMail): Promise<{ raw: Buffer; envelope: StreamSentMessageInfo['envelope'] }> {
    const info = await composer.sendMail({
      from: mail.from,
      to: mail.to,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
      // The message is the evidence: never let it reach out for content.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not return a buffer');
    return { raw: info.message, envelope: info.envelope };
  }

  /**
   * Mass notification sends the same content to many people: nodemailer builds a variant's message
   * once, and each person's copy is those bytes with their To, Message-ID and Date lines put in
   * (the lines nodemailer writes for a plain address). Everything else (DKIM, attachments, extra
   * headers, an address nodemailer would rewrite) is built in full.
   */
  async function buildFromTemplate(
    mail: OutgoingMail & { to: string[] },
  ): Promise<{ raw: Buffer; envelope: StreamSentMessageInfo['envelope'] } | null> {
    if (opts.dkim || mail.attachments?.length || (mail.headers && Object.keys(mail.headers).length)) return null;
    if (mail.to.length !== 1 || !PLAIN_ADDRESS.test(mail.to[0]) || !PLAIN_MESSAGE_ID.test(mail.messageId)) return null;
    const key = [mail.from, mail.replyTo ?? '', mail.subject, mail.text, mail.html ?? ''].join('\0');
    let t = templates.get(key);
    if (t === undefined) {
      const built = await build({ ...mail, to: [TEMPLATE_TO], messageId: TEMPLATE_MESSAGE_ID });
      t = messageTemplate(built.raw, built.envelope);
      if (templates.size >= TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
      templates.set(key, t);
    }
    if (!t) return null;
    const date = new Date().toUTCString().replace(/GMT/, '+0000');
    const values: Record<TemplateSlot, string> = { to: mail.to[0], messageId: mail.messageId, date };
    let head = t.head[0];
    for (let i = 0; i < t.slots.length; i++) head += values[t.slots[i]] + t.head[i + 1];
    return {
      raw: Buffer.concat([Buffer.from(head, 'latin1'), t.body]),
      envelope: { from: t.envelope.from, to: [mail.to[0]] },
    };
  }

  async function toOutbox(mail: OutgoingMail, raw: Buffer, contentHash: string): Promise<SendEvidence> {
    await mkdir(opts.outboxDir, { recursive: true });
    const sentAt = new Date().toISOString();
    const file = path.join(opts.outboxDir, `${fileTimestamp(sentAt)}-${safeMessageIdForFile(mail.messageId)}.eml`);
    await writeFile(file, raw, { flag: 'wx' }); // never overwrite an earlier notice
    return {
      messageId: mail.messageId,
      response: OUTBOX_RESPONSE,
      accepted: [...mail.to],
      rejected: [],
      sentAt,
      contentHash,
      transport: 'outbox',
      path: file,
    };
  }

  return {
    async send(input: OutgoingMail): Promise<SendEvidence> {
      if (closed) throw new MailValidationError('mailer is closed');
      const parsed = OutgoingMail.safeParse(input);
      if (!parsed.success) {
        throw new MailValidationError(
          `invalid mail: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
        );
      }
      const mail = parsed.data;
      const { raw, envelope } = (await buildFromTemplate(mail)) ?? (await build(mail));
      const contentHash = sha256(raw);
      if (!pool) return toOutbox(mail, raw, contentHash);

      let info;
      try {
        info = await pool.sendMail({ raw, envelope, disableFileAccess: true, disableUrlAccess: true });
      } catch (err) {
        if (typeof err === 'object' && err !== null) Object.assign(err, { messageId: mail.messageId, contentHash });
        throw err;
      }
      const evidence: SendEvidence = {
        messageId: mail.messageId,
        response: String(info.response ?? ''),
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
        sentAt: new Date().toISOString(),
        contentHash,
        transport: 'smtp',
      };
      // nodemailer resolves when at least one recipient was accepted; a notice that did not
      // reach every recipient has not been given, so that is an error here.
      if (evidence.rejected.length > 0 || evidence.accepted.length === 0) {
        const rejectedErrors = (info as { rejectedErrors?: MailRejectedError['rejectedErrors'] }).rejectedErrors ?? [];
        throw Object.assign(new MailRejectedError(evidence, rejectedErrors), {
          messageId: mail.messageId,
          contentHash,
        });
      }
      return evidence;
    },
    close(): void {
      if (closed) return;
      closed = true;
      pool?.close();
      composer.close();
    },
  };
}
