export { createMailer, safeMessageIdForFile, smtpPoolOptions } from './mailer';
export {
  classifySmtpError,
  toActivityError,
  MailRejectedError,
  MailValidationError,
  type SmtpFailureKind,
} from './errors';
export { makeMessageId, domainOf } from './message-id';
export {
  OutgoingMail,
  MESSAGE_ID_PATTERN,
  type SendEvidence,
  type Mailer,
  type MailerOptions,
  type DkimOptions,
} from './types';
