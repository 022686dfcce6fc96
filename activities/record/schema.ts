/**
 * The accountability exports: the record of one incident and the breach register (GDPR Art. 33(5)
 * and its equivalents). Both are read from the ledger; these schemas are their only shape, for the
 * JSON export, the HTML page, the CSV and the API's responses alike.
 */
import { z } from 'zod';

/** Any JSON value, described without the recursive schema (the OpenAPI document cannot reference it). */
const Json = z.custom<unknown>(() => true).describe('any JSON value, as recorded');

/** The chain check of a set of ledger entries. */
export const ChainCheck = z.object({
  ok: z.boolean(),
  /** Entries that verified (before the first bad one when not ok). */
  verified: z.number().int(),
  firstBadSeq: z.number().int().nullable().describe('the first altered or missing seq; null when intact'),
  reason: z.string().nullable(),
  head: z.string().nullable().describe("hash of the incident's last entry when intact"),
});
export type ChainCheck = z.infer<typeof ChainCheck>;

export const TimelineEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  summary: z.string().describe('the step in a few words'),
  hash: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const FactsChange = z.object({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  changed: z.array(z.string()),
  reason: z.string().nullable(),
  values: z.record(z.string(), Json).describe('the new values of the changed fields'),
});
export type FactsChange = z.infer<typeof FactsChange>;

/** How an obligation ended up: delivered in time, late, withdrawn (no longer required), or not yet. */
export const Outcome = z.enum(['on-time', 'late', 'not-yet', 'overdue', 'withdrawn']);
export type Outcome = z.infer<typeof Outcome>;

export const ObligationRecord = z.object({
  id: z.string(),
  regime: z.string(),
  recipient: z.string().nullable(),
  recipientName: z
    .string()
    .nullable()
    .describe('who, by name, e.g. "New York State Police" (null once the engine cannot say)'),
  jurisdiction: z.string().nullable(),
  deadline: z.string().nullable().describe('the law\'s words, e.g. "72 hours"'),
  citation: z.string(),
  clockStart: z.string(),
  legalDueAt: z.string().nullable().describe('null where the law gives no number ("without undue delay")'),
  deliveredAt: z.string().nullable(),
  deliveredBy: z.string().nullable(),
  channel: z.string().nullable(),
  reference: z.string().nullable(),
  outcome: Outcome,
  /** Why it was late (the reasons for the delay the notice stated), or why it was withdrawn. */
  reason: z.string().nullable(),
});
export type ObligationRecord = z.infer<typeof ObligationRecord>;

export const DecisionRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  role: z.string().nullable(),
  decision: z.enum(['approve', 'reject']),
  contentHash: z.string(),
  reason: z.string().nullable(),
  delayReason: z.string().nullable(),
});

export const DraftRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  contentHash: z.string(),
  templateVersion: z.string().nullable(),
  locale: z.string().nullable(),
  subject: z.string().nullable(),
  pending: z.array(z.string()),
});

export const Evidence = z.object({
  messageId: z.string().nullable(),
  response: z.string().nullable().describe("the SMTP server's reply"),
  contentHash: z.string().nullable().describe('SHA-256 of the message as sent'),
  transport: z.string().nullable(),
  transportSentAt: z.string().nullable(),
  templateVersion: z.string().nullable(),
});

export const DeliveryRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  kind: z.enum(['email', 'filing', 'mass-notification']),
  to: z.string().nullable(),
  reference: z.string().nullable(),
  late: z.boolean().nullable(),
  delayReason: z.string().nullable(),
  approvers: z.array(z.string()),
  evidence: Evidence.nullable(),
  recipients: z
    .object({ total: z.number(), sent: z.number(), failedPermanent: z.number(), cancelled: z.number() })
    .nullable(),
});

export const NoticeRecord = z.object({
  noticeId: z.string(),
  drafts: z.array(DraftRecord),
  decisions: z.array(DecisionRecord),
  delivery: DeliveryRecord.nullable(),
  failures: z.array(z.object({ seq: z.number().int(), at: z.string(), action: z.string(), error: z.string() })),
  reminders: z.array(z.object({ seq: z.number().int(), at: z.string(), hoursLeft: z.number().nullable() })),
  escalations: z.array(z.object({ seq: z.number().int(), at: z.string(), role: z.string().nullable() })),
  withdrawn: z.object({ seq: z.number().int(), at: z.string(), reason: z.string().nullable() }).nullable(),
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;

export const FilingRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  noticeId: z.string(),
  reference: z.string(),
  filedAt: z.string(),
  channel: z.string().nullable(),
  late: z.boolean().nullable(),
});

export const MissedDeadline = z.object({
  seq: z.number().int(),
  at: z.string().describe('when the engine recorded the miss'),
  kind: z.enum(['legal-deadline', 'internal-target', 'task', 'action-item', 'review']),
  subject: z.string().describe('the notice, task or action item'),
  dueAt: z.string().nullable(),
  citation: z.string().nullable(),
  /** The reasons for the delay as recorded (at approval or sending); null when none was recorded. */
  reason: z.string().nullable(),
  settledAt: z.string().nullable().describe('when it was finally delivered or done'),
});
export type MissedDeadline = z.infer<typeof MissedDeadline>;

export const EvidenceRefRecord = z.object({ label: z.string(), sha256: z.string(), uri: z.string().nullable() });

export const TaskRecord = z.object({
  taskId: z.string(),
  role: z.string().nullable(),
  phase: z.string().nullable(),
  assignedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  late: z.boolean().nullable(),
  notes: z.string().nullable(),
  evidence: z.array(EvidenceRefRecord),
  overdueAt: z.string().nullable(),
});

export const ActionItemRecord = z.object({
  id: z.string(),
  title: z.string(),
  ownerRole: z.string().nullable(),
  dueAt: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.enum(['open', 'done', 'accepted']),
  settledAt: z.string().nullable(),
  settledBy: z.string().nullable(),
  /** Completion notes, or the reason a manager accepted it as open. */
  note: z.string().nullable(),
  evidence: z.array(EvidenceRefRecord),
});

export const ReviewRecord = z.object({
  scheduledStart: z.string().nullable(),
  scheduledEnd: z.string().nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  whatHappened: z.string().nullable(),
  rootCauses: z.array(z.string()),
  whatWorked: z.array(z.string()),
  whatDidNot: z.array(z.string()),
  findings: z.array(Json),
  actionItems: z.array(ActionItemRecord),
});

/** A step done outside the engine (a call to the regulator, a letter posted), recorded by a person. */
export const OutsideStep = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  payload: Json,
});

/** What the facts say, the parts auditors and the register read. */
export const FactsSummary = z.object({
  awareAt: z.string().nullable(),
  entity: z.string().nullable(),
  nature: z.string().nullable(),
  dataCategories: z.array(z.string()),
  subjectCategories: z.array(z.string()),
  peopleAffected: z.number().nullable().describe('approximate number of people (sum of the affected groups)'),
  recordsAffected: z.number().nullable().describe('approximate number of records, when given'),
  countries: z.array(z.string()),
  risk: z.string().nullable(),
  encrypted: z.boolean().nullable(),
  consequences: z.string().nullable(),
  measures: z.string().nullable(),
});
export type FactsSummary = z.infer<typeof FactsSummary>;

export const IncidentRecord = z.object({
  incidentId: z.string(),
  title: z.string().nullable(),
  drill: z.boolean(),
  planId: z.string().nullable(),
  planVersion: z.string().nullable(),
  reportedBy: z.string().nullable(),
  phase: z.string().nullable().describe('the last phase the ledger shows'),
  ruleSet: z.string().nullable(),
  generatedAt: z.string(),
  dates: z.object({
    awareAt: z.string().nullable(),
    reportedAt: z.string().nullable(),
    containedAt: z.string().nullable(),
    firstNoticeAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  facts: z.record(z.string(), Json).describe('the facts as they stand after every recorded change'),
  summary: FactsSummary,
  factChanges: z.array(FactsChange),
  obligations: z.array(ObligationRecord),
  notices: z.array(NoticeRecord),
  filings: z.array(FilingRecord),
  missedDeadlines: z.array(MissedDeadline),
  tasks: z.array(TaskRecord),
  review: ReviewRecord.nullable(),
  outsideSteps: z.array(OutsideStep),
  /** Why no notice was given, where none was. */
  noNoticeReasons: z.array(z.string()),
  timeline: z.array(TimelineEntry),
  chain: ChainCheck,
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

export const RegisterObligation = z.object({
  id: z.string(),
  recipient: z.string().nullable(),
  legalDueAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  outcome: Outcome,
  reason: z.string().nullable(),
});

export const RegisterRow = z.object({
  incidentId: z.string(),
  title: z.string().nullable(),
  phase: z.string().nullable(),
  awareAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  containedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  nature: z.string().nullable(),
  dataCategories: z.array(z.string()),
  subjectCategories: z.array(z.string()),
  peopleAffected: z.number().nullable(),
  recordsAffected: z.number().nullable(),
  countries: z.array(z.string()),
  risk: z.string().nullable(),
  encrypted: z.boolean().nullable(),
  consequences: z.string().nullable(),
  measures: z.string().nullable(),
  notified: z.boolean().describe('whether any notice was delivered'),
  obligations: z.array(RegisterObligation),
  noNoticeReasons: z.array(z.string()),
  chainOk: z.boolean(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const BreachRegister = z.object({
  generatedAt: z.string(),
  rows: z.array(RegisterRow),
});
export type BreachRegister = z.infer<typeof BreachRegister>;
