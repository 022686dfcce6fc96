import path from 'node:path';
import type { EscalationContextInput, GdprNoticeContextInput, ReminderContextInput } from '../../activities/notices';

export const TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

/** Distinctive values, so a probe can only match where the value was really rendered. */
export function sampleGdprContext(locale: string, over: Partial<GdprNoticeContextInput> = {}): GdprNoticeContextInput {
  return {
    incident: { id: 'INC-2026-0042', title: 'Ransomware on the HR file server' },
    controller: { name: 'Acme Widgets GmbH', country: 'DE' },
    contact: { name: 'Dr. Jana Schmidt-Okafor', email: 'dpo@acme-widgets.example', phone: '+49 30 555 0142' },
    authority: { name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit' },
    nature: 'Files on the HR file server were encrypted by ransomware (LockBit variant).\nExfiltration of payroll exports before encryption is confirmed.',
    subjectCategories: ['current employees', 'former employees', 'job applicants'],
    subjectCount: 4217,
    recordCount: 183_904,
    dataCategories: ['names', 'bank account numbers', 'sick-leave records'],
    likelyConsequences: 'Targeted phishing and fraudulent direct debits against affected employees; disclosure of health-related absence data.',
    measuresTaken: 'Server isolated at 09:12; backups verified offline; all HR credentials rotated; affected banks informed.\n\nProposed: credit monitoring for 12 months.',
    awareAt: '2026-11-20T08:30:00Z',
    deadlineAt: '2026-11-23T08:30:00Z',
    timeZone: 'Europe/Berlin',
    locale,
    phased: false,
    ...over,
  };
}

const noticeRef = {
  id: 'gdpr:authority:DE', regime: 'gdpr', recipient: 'authority' as const, status: 'awaiting-approval',
  citation: 'GDPR Art. 33(1), 33(3)', deadline: 'without undue delay and, where feasible, not later than 72 hours after having become aware of it',
};

export function sampleReminderContext(over: Partial<ReminderContextInput> = {}): ReminderContextInput {
  return {
    incident: { id: 'INC-2026-0042', title: 'Ransomware on the HR file server' },
    notice: noticeRef,
    dueAt: '2026-11-23T08:30:00Z',
    legalDeadline: true,
    timeZone: 'Europe/Berlin',
    link: 'https://ir.example/incidents/INC-2026-0042',
    hoursLeft: 24,
    ...over,
  };
}

export function sampleEscalationContext(over: Partial<EscalationContextInput> = {}): EscalationContextInput {
  return {
    incident: { id: 'INC-2026-0042', title: 'Ransomware on the HR file server' },
    notice: noticeRef,
    dueAt: '2026-11-23T08:30:00Z',
    legalDeadline: true,
    timeZone: 'Europe/Berlin',
    link: 'https://ir.example/incidents/INC-2026-0042',
    role: 'legal',
    hoursOverdue: 4,
    ...over,
  };
}

export function sampleContextFor(kind: string, locale: string): unknown {
  switch (kind) {
    case 'gdpr-authority':
    case 'gdpr-individuals':
      return sampleGdprContext(locale);
    case 'reminder':
      return sampleReminderContext();
    case 'escalation':
      return sampleEscalationContext();
    default:
      throw new Error(`no sample context for ${kind}`);
  }
}
