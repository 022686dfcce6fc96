import path from 'node:path';
import {
  buildNoticeContext,
  ELEMENT_IDS,
  noticeKind,
  type EscalationContextInput,
  type NoticeContextRequest,
  type ReminderContextInput,
} from '../../activities/notices';
import { loadRuleSet } from '../../activities/rules/load';
import { obligationId } from '../../domain/rules/evaluate';
import { IncidentFacts, type IncidentFactsInput } from '../../domain/facts';
import { Obligation, type Recipient, type Stage } from '../../domain/obligation';

export const TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

export const CONTACT = { name: 'Dr. Jana Schmidt-Okafor', email: 'dpo@acme-widgets.example', phone: '+49 30 555 0142' };
export const INCIDENT = { id: 'INC-2026-0042', title: 'Ransomware on the HR file server' };

/** Every fact known, with distinctive values, so a probe can only match where the value was really rendered. */
export function completeFacts(over: Partial<IncidentFactsInput> = {}): IncidentFacts {
  return IncidentFacts.parse({
    awareAt: '2026-11-20T08:30:00Z',
    determinedAt: '2026-11-20T15:45:00Z',
    classifiedMajorAt: '2026-11-20T10:05:00Z',
    ransomPaidAt: '2026-11-22T17:20:00Z',
    entity: { name: 'Acme Widgets GmbH', country: 'DE' },
    affected: [
      { country: 'DE', count: 4000 },
      { country: 'AT', count: 217 },
      { country: 'US', region: 'US-CA', count: 1320 },
      { country: 'US', region: 'US-NY', count: 5400 },
    ],
    dataCategories: ['name', 'financial', 'health'],
    encrypted: false,
    risk: 'high',
    significant: true,
    nature:
      'Files on the HR file server were encrypted by ransomware (LockBit variant).\nExfiltration of payroll exports before encryption is confirmed.',
    subjectCategories: ['current employees', 'former employees', 'job applicants'],
    recordCount: 183_904,
    likelyConsequences:
      'Targeted phishing and fraudulent direct debits against affected employees; disclosure of health-related absence data.',
    measuresTaken:
      'Server isolated at 09:12; backups verified offline; all HR credentials rotated; affected banks informed.\n\nProposed: credit monitoring for 12 months.',
    ...over,
  });
}

/** Nothing known beyond what the engine needs to assess: every narrative element is pending. */
export function minimalFacts(): IncidentFacts {
  return IncidentFacts.parse({
    awareAt: '2026-11-20T08:30:00Z',
    entity: { name: 'Acme Widgets GmbH', country: 'DE' },
    risk: 'high',
  });
}

/** A distinctive responder text for every element of the catalogue. */
export const CONTENT: Record<string, string> = Object.fromEntries(
  ELEMENT_IDS.map((id) => [id, `Responders' text for ${id} (ref ${id.length}-${id.charCodeAt(0)}).`]),
);

export interface RuleObligation {
  regime: string;
  key: string;
  recipient: Recipient;
  stage?: Stage;
  requiredContent: string[];
}

/** Every obligation any rules/*.json file can emit, one per (regime, key). */
export function ruleObligations(): RuleObligation[] {
  const seen = new Set<string>();
  const out: RuleObligation[] = [];
  for (const r of loadRuleSet().regimes) {
    for (const o of r.obligations) {
      const id = `${r.regime}:${o.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        regime: r.regime,
        key: o.key,
        recipient: o.recipient,
        ...(o.stage ? { stage: o.stage } : {}),
        requiredContent: o.requiredContent,
      });
    }
  }
  return out;
}

const JURISDICTION: Record<string, { jurisdiction: string; audience: string[] }> = {
  'us-ca': { jurisdiction: 'US-CA', audience: ['US-CA'] },
  'us-ny': { jurisdiction: 'US-NY', audience: ['US-NY'] },
};

/** An obligation as the engine emits it, for a rule obligation. */
export function obligationFor(o: RuleObligation, over: Partial<Obligation> = {}): Obligation {
  const place = JURISDICTION[o.regime] ?? {
    jurisdiction: o.regime.startsWith('us-') ? `US-${o.regime.slice(3).toUpperCase()}` : 'DE',
    audience: ['*'],
  };
  return Obligation.parse({
    id: obligationId(o.regime, o.key, place.jurisdiction),
    regime: o.regime,
    recipient: o.recipient,
    ...(o.stage ? { stage: o.stage } : {}),
    jurisdiction: place.jurisdiction,
    audience: place.audience,
    clockStart: '2026-11-20T08:30:00Z',
    dueAt: '2026-11-23T08:30:00Z',
    deadline: 'without undue delay',
    requiredContent: o.requiredContent,
    citation: `${o.regime} citation`,
    ...over,
  });
}

export function requestFor(
  o: RuleObligation,
  locale: string,
  over: Partial<NoticeContextRequest> = {},
): NoticeContextRequest {
  return {
    incident: INCIDENT,
    facts: completeFacts(),
    obligation: obligationFor(o),
    contact: CONTACT,
    locale,
    timeZone: 'Europe/Berlin',
    now: '2026-11-21T09:00:00Z',
    content: CONTENT,
    ...over,
  };
}

export function contextFor(o: RuleObligation, locale: string, over: Partial<NoticeContextRequest> = {}) {
  const req = requestFor(o, locale, over);
  return buildNoticeContext(noticeKind(req.obligation), req);
}

const GDPR_AUTHORITY: RuleObligation = {
  regime: 'gdpr',
  key: 'authority',
  recipient: 'authority',
  requiredContent: [
    'nature',
    'subject-categories-and-count',
    'record-categories-and-count',
    'contact-point',
    'likely-consequences',
    'measures',
  ],
};
const GDPR_INDIVIDUALS: RuleObligation = {
  regime: 'gdpr',
  key: 'individuals',
  recipient: 'individuals',
  requiredContent: ['nature', 'contact-point', 'likely-consequences', 'measures'],
};

/** A gdpr-authority context built from complete facts, overridable at the request level. */
export function sampleGdprContext(locale: string, over: Partial<NoticeContextRequest> = {}) {
  return contextFor(GDPR_AUTHORITY, locale, { content: {}, ...over });
}
export function sampleGdprIndividualsContext(locale: string, over: Partial<NoticeContextRequest> = {}) {
  return contextFor(GDPR_INDIVIDUALS, locale, { content: {}, ...over });
}
export { GDPR_AUTHORITY, GDPR_INDIVIDUALS };

const noticeRef = {
  id: 'gdpr:authority:DE',
  regime: 'gdpr',
  recipient: 'authority' as const,
  status: 'awaiting-approval',
  citation: 'GDPR Art. 33(1), 33(3)',
  deadline: 'without undue delay and, where feasible, not later than 72 hours after having become aware of it',
};

/** What reminders and escalations share: the incident, the notice and its clock. */
const internalBase = {
  incident: INCIDENT,
  notice: noticeRef,
  dueAt: '2026-11-23T08:30:00Z',
  legalDeadline: true,
  timeZone: 'Europe/Berlin',
  link: 'https://ir.example/incidents/INC-2026-0042',
};

export function sampleReminderContext(over: Partial<ReminderContextInput> = {}): ReminderContextInput {
  return { ...internalBase, hoursLeft: 24, ...over };
}

export function sampleEscalationContext(over: Partial<EscalationContextInput> = {}): EscalationContextInput {
  return { ...internalBase, role: 'legal', hoursOverdue: 4, ...over };
}

/** A valid context for any kind, in a locale (obligation kinds: complete facts and content). */
export function sampleContextFor(kind: string, locale: string): unknown {
  if (kind === 'reminder') return sampleReminderContext();
  if (kind === 'escalation') return sampleEscalationContext();
  const o = ruleObligations().find((r) => `${r.regime}-${r.key}` === kind);
  if (!o) throw new Error(`no sample context for ${kind}`);
  return contextFor(o, locale);
}
