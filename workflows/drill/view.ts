/**
 * What the drill script needs of an incident's status: states, clocks and decisions, never a
 * draft's text, so that the drill's history stays small however often it looks.
 */
import type { Role } from '../../domain/actor';
import type { IncidentStatus } from '../incident/state';

export interface DrillView {
  now: string;
  phase: string;
  containedAt?: string;
  reviewRecorded: boolean;
  closeRequested: boolean;
  notices: {
    id: string;
    status: string;
    stale: boolean;
    clockDueAt: string;
    requiredApprovals: number;
    delayReason: boolean;
    contentHash?: string;
    decisions: { by: string; decision: string; contentHash: string }[];
  }[];
  tasks: { id: string; role: Role; done: boolean }[];
  /** Action items of the review still open: the script accepts those of roles it plays. */
  openActionItems: { id: string; role: Role }[];
}

export function viewOf(s: IncidentStatus): DrillView {
  return {
    now: s.now,
    phase: s.phase,
    ...(s.containedAt ? { containedAt: s.containedAt } : {}),
    reviewRecorded: s.review !== undefined,
    closeRequested: s.closeRequested !== undefined,
    notices: s.notices.map((n) => ({
      id: n.id,
      status: n.status,
      stale: n.stale,
      clockDueAt: n.clockDueAt,
      requiredApprovals: n.requiredApprovals,
      delayReason: n.delayReason !== undefined,
      ...(n.draft ? { contentHash: n.draft.contentHash } : {}),
      decisions: n.decisions.map((d) => ({ by: d.by, decision: d.decision, contentHash: d.contentHash })),
    })),
    tasks: s.tasks.map((t) => ({ id: t.id, role: t.role, done: t.doneAt !== undefined })),
    openActionItems: (s.review?.actionItems ?? [])
      .filter((i) => i.status === 'open')
      .map((i) => ({ id: i.id, role: i.owner.role })),
  };
}
