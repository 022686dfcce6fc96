/**
 * From an obligation to a template kind and its context: the glue activities/index.ts uses
 * in draftNotice.
 */
import type { IncidentFacts } from '../../domain/facts';
import type { Obligation } from '../../domain/obligation';
import type { Plan } from '../../domain/plan';
import type { GdprNoticeContext } from './contexts';
import { buildGdprContext } from './gdpr-context';

/**
 * Template locales per notice kind, as present in templates/. The context builder writes its
 * "to follow" phrases in the locale the renderer will pick from these; a test keeps this list
 * equal to the folders on disk.
 */
export const TEMPLATE_LOCALES = {
  'gdpr-authority': ['de', 'en', 'fr', 'zh-CN'],
  'gdpr-individuals': ['en', 'zh-CN'],
  reminder: ['en', 'zh-CN'],
  escalation: ['en', 'zh-CN'],
} as const satisfies Record<string, readonly string[]>;

export type ObligationNoticeKind = 'gdpr-authority' | 'gdpr-individuals';

/** The template kind for an obligation; an error for regimes/recipients without templates. */
export function noticeKind(obligation: Pick<Obligation, 'id' | 'regime' | 'recipient'>): ObligationNoticeKind {
  if (obligation.regime === 'gdpr') {
    if (obligation.recipient === 'authority') return 'gdpr-authority';
    if (obligation.recipient === 'individuals') return 'gdpr-individuals';
  }
  throw new Error(`no notice template for obligation ${obligation.id} (regime "${obligation.regime}", recipient "${obligation.recipient}")`);
}

export interface NoticeContextRequest {
  incident: { id: string; title: string };
  facts: IncidentFacts;
  obligation: Obligation;
  contact: Plan['contact'];
  authorityName?: string;
  locale: string;
  timeZone: string;
  delayReason?: string;
  /** Drafting time; when past the legal deadline a delay reason is required (Art. 33(1)). */
  now?: string;
}

export function buildNoticeContext(kind: ObligationNoticeKind | string, req: NoticeContextRequest): GdprNoticeContext {
  switch (kind) {
    case 'gdpr-authority':
    case 'gdpr-individuals':
      return buildGdprContext({
        facts: req.facts,
        contact: req.contact,
        incident: req.incident,
        deadlineAt: req.obligation.dueAt,
        locale: req.locale,
        timeZone: req.timeZone,
        ...(req.delayReason !== undefined ? { delayReason: req.delayReason } : {}),
        ...(req.authorityName ? { authority: { name: req.authorityName } } : {}),
        // Art. 33(1)'s "reasons for the delay" concern the notice to the authority only.
        ...(req.now !== undefined && kind === 'gdpr-authority' ? { now: req.now } : {}),
        templateLocales: TEMPLATE_LOCALES[kind],
      });
    default:
      throw new Error(`buildNoticeContext: no context builder for notice kind "${kind}"`);
  }
}
