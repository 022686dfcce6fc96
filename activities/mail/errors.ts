import { ApplicationFailure } from '@temporalio/common';
import type { SendEvidence } from './types';

export type SmtpFailureKind = 'temporary' | 'permanent';

/** The fields nodemailer attaches to its errors (see nodemailer's NodemailerError). */
interface SmtpErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  recipient?: string;
  rejected?: string[];
  accepted?: string[];
  rejectedErrors?: SmtpErrorLike[];
  messageId?: string;
  contentHash?: string;
}

/** The mail itself is unusable (bad address, header with a line break, …): no retry can fix it. */
export class MailValidationError extends Error {
  readonly code = 'EINVALIDMAIL';
  constructor(message: string) {
    super(message);
    this.name = 'MailValidationError';
  }
}

/**
 * The server took the message for some recipients but refused others. nodemailer reports that
 * as a success; for a notice it is a failure, so the mailer throws this instead. `evidence`
 * records the partial delivery (the accepted recipients did get the message).
 */
export class MailRejectedError extends Error {
  readonly code = 'EENVELOPE';
  readonly command = 'RCPT TO';
  readonly responseCode: number | undefined;
  readonly response: string;
  readonly rejected: string[];
  readonly accepted: string[];
  readonly rejectedErrors: SmtpErrorLike[];
  readonly evidence: SendEvidence;

  constructor(evidence: SendEvidence, rejectedErrors: SmtpErrorLike[]) {
    const worst = worstReply(rejectedErrors);
    const lines = rejectedErrors.map((e) => `${e.recipient ?? '?'}: ${e.response ?? e.message ?? 'rejected'}`);
    super(`Recipient(s) rejected: ${lines.join('; ') || evidence.rejected.join(', ')}`);
    this.name = 'MailRejectedError';
    this.responseCode = worst?.responseCode;
    this.response = worst?.response ?? lines.join('; ');
    this.rejected = evidence.rejected;
    this.accepted = evidence.accepted;
    this.rejectedErrors = rejectedErrors;
    this.evidence = evidence;
  }
}

/** The 5xx reply if there is one (it decides the outcome), else the first reply. */
function worstReply(errors: SmtpErrorLike[]): SmtpErrorLike | undefined {
  return (
    errors.find((e) => isPermanentCode(e.responseCode)) ??
    errors.find((e) => typeof e.responseCode === 'number') ??
    errors[0]
  );
}

const isPermanentCode = (c: unknown): boolean => typeof c === 'number' && c >= 500 && c < 600;
const isTransientCode = (c: unknown): boolean => typeof c === 'number' && c >= 400 && c < 500;

/**
 * Failures without an SMTP reply that no retry will fix: configuration, missing credentials,
 * a server that cannot do what the configuration demands, a mail the library refuses to build.
 */
const PERMANENT_CODES = new Set([
  'EINVALIDMAIL',
  'ECONFIG',
  'ENOAUTH',
  'EAUTH',
  'EREQUIRETLS',
  'EMAXRECIPIENTS',
  'EOTP',
  'EFILEACCESS',
  'EURLACCESS',
]);

function asSmtpError(err: unknown): SmtpErrorLike {
  return typeof err === 'object' && err !== null ? (err as SmtpErrorLike) : { message: String(err) };
}

/**
 * Permanent: any SMTP 5xx reply, on the command itself or on any rejected recipient (a retry
 * would be refused the same way), and errors that are configuration problems. Temporary: 4xx
 * replies, connection failures (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ESOCKET, ECONNECTION, DNS),
 * timeouts, and anything unrecognised — the activity's retry policy bounds those.
 * An auth failure with a 4xx reply (454) is temporary; with 535 it is permanent.
 */
export function classifySmtpError(err: unknown): SmtpFailureKind {
  const e = asSmtpError(err);
  const codes = [e.responseCode, ...(e.rejectedErrors ?? []).map((r) => r.responseCode)];
  if (codes.some(isPermanentCode)) return 'permanent';
  if (codes.some(isTransientCode)) return 'temporary';
  if (e.code && PERMANENT_CODES.has(e.code)) return 'permanent';
  return 'temporary';
}

/** The server's own words where there are any, else the socket/library error. */
function responseLine(e: SmtpErrorLike): string {
  const perRecipient = (e.rejectedErrors ?? [])
    .filter((r) => r.response)
    .map((r) => `${r.recipient ?? '?'}: ${r.response}`);
  if (perRecipient.length > 0) return perRecipient.join('; ');
  if (e.response) return e.response;
  const code = e.originalCode && e.originalCode !== e.code ? `${e.code}/${e.originalCode}` : e.code;
  return `${code ? `${code}: ` : ''}${e.message ?? 'unknown error'}`;
}

/**
 * Turns a send failure into what a Temporal activity should throw: non-retryable
 * 'SmtpPermanentFailure' or retryable 'SmtpTemporaryFailure'. The message carries the SMTP
 * response line; the details carry the machine-readable parts (and, after a partial delivery,
 * the evidence of what was delivered).
 */
export function toActivityError(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = asSmtpError(err);
  const kind = classifySmtpError(err);
  const where = e.command ? ` [${e.command}]` : '';
  const message = `SMTP ${kind} failure${where}: ${responseLine(e)}`;
  const details = {
    code: e.code ?? null,
    originalCode: e.originalCode ?? null,
    command: e.command ?? null,
    responseCode: e.responseCode ?? null,
    response: e.response ?? null,
    rejected: e.rejected ?? [],
    accepted: e.accepted ?? [],
    recipients: (e.rejectedErrors ?? []).map((r) => ({
      recipient: r.recipient ?? null,
      responseCode: r.responseCode ?? null,
      response: r.response ?? r.message ?? null,
    })),
    evidence: err instanceof MailRejectedError ? err.evidence : null,
    messageId: e.messageId ?? null,
    contentHash: e.contentHash ?? null,
  };
  return kind === 'permanent'
    ? ApplicationFailure.nonRetryable(message, 'SmtpPermanentFailure', details)
    : ApplicationFailure.retryable(message, 'SmtpTemporaryFailure', details);
}
