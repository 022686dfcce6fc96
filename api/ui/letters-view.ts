/**
 * The incident page's letters: one letter per person across the individuals obligations, sent in
 * rounds. The panel shows people and letters (from the store) and the latest round's progress with
 * Pause / Resume / Cancel; each individuals notice lists the letter variants it is part of, each
 * with a link to the letter as it will be sent.
 */
import { letterNotices, letterVariants } from '../../activities/letters/preview';
import { incidentLetters, type IncidentLetters } from '../../activities/letters/progress';
import type { Role } from '../../domain/actor';
import { check } from '../../domain/permissions';
import { combinesLetters, type Plan } from '../../domain/plan';
import type { IncidentStatus } from '../../workflows/incident/state';
import { IncidentNotFound } from '../gateway';
import type { UiContext } from './context';
import { campaignView, type CampaignView, type FormState } from './view-models';

/** The form id of the round's Pause / Resume / Cancel (a refusal is shown next to it). */
export const LETTERS_FORM = 'letters';

export interface LettersPanel {
  people: number;
  letters: IncidentLetters['letters'];
  rounds: number;
  /** The latest round: its workflow id and progress, with its controls. */
  round?: CampaignView & { name: string; running: boolean };
}

export interface LetterVariantView {
  notices: string;
  others: string[];
  locale: string;
  people: number;
  combined: boolean;
  /** Absent while a notice of the variant has no draft (nothing to compose yet). */
  previewHref?: string;
  textHref?: string;
}

export const letterPreviewHref = (incidentId: string, noticeIds: readonly string[], locale: string, format?: string) =>
  `/ui/incidents/${encodeURIComponent(incidentId)}/letters/preview?${new URLSearchParams({
    notices: noticeIds.join(','),
    locale,
    ...(format ? { format } : {}),
  }).toString()}`;

/** The panel and the variants per notice; undefined when the incident tells nobody by letter. */
export async function lettersOfIncident(
  ctx: UiContext,
  s: IncidentStatus,
  plan: Plan,
  role: Role,
  form?: FormState,
): Promise<{ panel: LettersPanel; variants: Map<string, LetterVariantView[]> } | undefined> {
  const notices = letterNotices(s);
  if (!notices.length || !combinesLetters(plan)) return undefined;
  const { db, gateway } = ctx.deps;

  let round: LettersPanel['round'];
  try {
    const p = await gateway.lettersRoundProgress(s.id);
    const error = form?.form === LETTERS_FORM ? form.error : undefined;
    const view = campaignView(s.id, 'letters', p, check('campaign.control', role).ok && p.running, error);
    round = {
      ...view,
      action: `/ui/incidents/${encodeURIComponent(s.id)}/letters/campaign`,
      name: p.round,
      running: p.running,
    };
  } catch (err) {
    if (!(err instanceof IncidentNotFound)) throw err; // no round yet: nothing approved
  }

  const counts = db ? await incidentLetters(db, s.id) : undefined;
  const variants = new Map<string, LetterVariantView[]>();
  if (db) {
    const drafted = new Set(notices.filter((n) => n.draft).map((n) => n.id));
    const all = await letterVariants(
      db,
      s.id,
      notices.map((n) => ({ noticeId: n.id, audience: n.obligation.audience })),
    );
    for (const n of notices)
      variants.set(
        n.id,
        all
          .filter((v) => v.noticeIds.includes(n.id))
          .map((v) => {
            const ready = v.noticeIds.every((id) => drafted.has(id));
            return {
              notices: v.noticeIds.join(' + '),
              others: v.noticeIds.filter((id) => id !== n.id),
              locale: v.locale,
              people: v.people,
              combined: v.combined,
              ...(ready
                ? {
                    previewHref: letterPreviewHref(s.id, v.noticeIds, v.locale),
                    textHref: letterPreviewHref(s.id, v.noticeIds, v.locale, 'text'),
                  }
                : {}),
            };
          }),
      );
  }
  return {
    panel: {
      people: counts?.people ?? 0,
      letters: counts?.letters ?? {
        total: 0,
        pending: 0,
        sent: 0,
        failedTemporary: 0,
        failedPermanent: 0,
        cancelled: 0,
        combined: 0,
        supplementary: 0,
      },
      rounds: counts?.rounds ?? 0,
      ...(round ? { round } : {}),
    },
    variants,
  };
}
