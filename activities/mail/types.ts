import { z } from 'zod';

/** A header line must never carry a line break: that is how header injection works. */
const NO_LINE_BREAK = /^[^\r\n]*$/;
const noLineBreak = (what: string) => z.string().regex(NO_LINE_BREAK, `${what} must not contain CR or LF`);

/** `<local@domain>`: no spaces, no angle brackets inside, exactly one @. */
export const MESSAGE_ID_PATTERN = /^<[^<>@\s]+@[^<>@\s]+>$/;

/** RFC 5322 field name: printable US-ASCII except colon. */
const HEADER_NAME = /^[!-9;-~]+$/;

/**
 * Headers the mailer builds itself. A caller-supplied header of the same name would either be
 * overridden silently or duplicate a structural header, so it is refused instead.
 */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'return-path',
  'dkim-signature',
  'received',
  'in-reply-to',
  'references',
]);

/** A file sent with the mail, its content inline (never read from a path or URL). */
export const Attachment = z.object({
  filename: noLineBreak('attachment filename').min(1).max(200),
  /** e.g. "text/calendar; method=REQUEST; charset=UTF-8" */
  contentType: noLineBreak('attachment content type').min(3).max(200),
  content: z.string().max(1_000_000),
});

export const OutgoingMail = z.object({
  from: noLineBreak('from').min(3),
  to: z.array(noLineBreak('recipient').min(3)).min(1, 'a mail needs at least one recipient'),
  replyTo: noLineBreak('replyTo').min(3).optional(),
  subject: noLineBreak('subject').min(1),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  attachments: z.array(Attachment).max(10).optional(),
  /** Set by the caller, deterministic per notice (see makeMessageId) so a resend is recognisable. */
  messageId: z.string().regex(MESSAGE_ID_PATTERN, 'messageId must look like <id@domain>'),
  headers: z
    .record(
      z
        .string()
        .regex(HEADER_NAME, 'invalid header name')
        .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()), {
          message: 'reserved header; set it through its own field',
        }),
      noLineBreak('header value'),
    )
    .optional(),
});
export type OutgoingMail = z.input<typeof OutgoingMail>;

/** What a send proves: which bytes went out, to whom, and what the other side answered. */
export interface SendEvidence {
  messageId: string;
  /** SMTP reply to the end of DATA (e.g. "250 2.0.0 Ok: queued as …") or "written to outbox". */
  response: string;
  accepted: string[];
  rejected: string[];
  /** ISO-8601, when the send completed. */
  sentAt: string;
  /** sha256 hex of the raw RFC 5322 message as handed to the transport (CRLF line endings, DKIM-signed if configured). */
  contentHash: string;
  transport: 'smtp' | 'outbox';
  /** .eml path, outbox transport only. */
  path?: string;
}

export interface Mailer {
  /** Resolves only if every recipient accepted the message; otherwise rejects (see classifySmtpError). */
  send(mail: OutgoingMail): Promise<SendEvidence>;
  /** Closes the SMTP pool. Idempotent; send() after close() rejects. */
  close(): void;
}

export interface DkimOptions {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…; without it mails are written to outboxDir. */
  smtpUrl?: string;
  outboxDir: string;
  dkim?: DkimOptions;
  /**
   * Refuse to send over smtp:// unless the server offers STARTTLS. Notices carry breach details
   * and credentials travel in AUTH, so this defaults to true for every host except loopback.
   */
  requireTLS?: boolean;
}
