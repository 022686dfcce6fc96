/**
 * The rendering snapshot: every notice kind in every template locale, in several fixed contexts,
 * stored under __golden__/<kind>.json with the rule obligation it was built from. The snapshot
 * was taken from the per-kind templates before they became layouts plus wording; the comparison
 * (golden.test.ts) proves the refactor changed no byte. It keeps the obligation it was built
 * from, so edits to rules/*.json by others do not move it.
 * Regenerate deliberately only: NOTICE_GOLDEN=write npx jest test/notices/golden.test.ts
 * A kind added since (a new rule obligation) has no file and is not compared until it has one:
 * NOTICE_GOLDEN=new npx jest test/notices/golden.test.ts writes the missing files only and leaves
 * every existing one as it is.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNoticeContext, type NoticeContextRequest, type NoticeRenderer } from '../../activities/notices';
import {
  minimalFacts,
  requestFor,
  sampleEscalationContext,
  sampleReminderContext,
  type RuleObligation,
  obligationFor,
} from './fixtures';

export const GOLDEN_DIR = path.join(__dirname, '__golden__');

export interface Rendered {
  locale: string;
  fallback: boolean;
  subject: string;
  text: string;
  html: string;
  pending: string[];
}
export interface GoldenFile {
  kind: string;
  /** The rule obligation the contexts were built from (absent for the internal mails). */
  obligation: RuleObligation | null;
  /** locale → variant → output */
  renders: Record<string, Record<string, Rendered>>;
}

const LATE = '2026-11-24T09:00:00Z';

/** Request variants for obligation kinds: all known, nothing known (late, named addressee), late with a reason. */
export const OBLIGATION_VARIANTS: Record<string, Partial<NoticeContextRequest>> = {
  complete: {},
  pending: { facts: minimalFacts(), content: {}, authorityName: 'Data & <Privacy> Authority', now: LATE },
  delayed: { now: LATE, delayReason: 'We waited for the forensic report.\nIt arrived on 23 November.' },
};

export const INTERNAL_VARIANTS: Record<'reminder' | 'escalation', Record<string, () => unknown>> = {
  reminder: {
    legal: () => sampleReminderContext(),
    internal: () => sampleReminderContext({ link: null, legalDeadline: false, hoursLeft: 4.5 }),
  },
  escalation: {
    legal: () => sampleEscalationContext(),
    internal: () => sampleEscalationContext({ link: null, legalDeadline: false, role: 'admin', hoursOverdue: 30 }),
  },
};

function pick(r: ReturnType<NoticeRenderer['render']>): Rendered {
  return { locale: r.locale, fallback: r.fallback, subject: r.subject, text: r.text, html: r.html, pending: r.pending };
}

export function renderObligationKind(
  renderer: NoticeRenderer,
  kind: string,
  o: RuleObligation,
  locales: readonly string[],
): GoldenFile['renders'] {
  const out: GoldenFile['renders'] = {};
  for (const locale of locales) {
    out[locale] = {};
    for (const [name, over] of Object.entries(OBLIGATION_VARIANTS)) {
      const req = requestFor(o, locale, { obligation: obligationFor(o), ...over });
      out[locale][name] = pick(renderer.render(kind, locale, buildNoticeContext(kind, req)));
    }
  }
  return out;
}

export function renderInternalKind(
  renderer: NoticeRenderer,
  kind: 'reminder' | 'escalation',
  locales: readonly string[],
): GoldenFile['renders'] {
  const out: GoldenFile['renders'] = {};
  for (const locale of locales) {
    out[locale] = {};
    for (const [name, ctx] of Object.entries(INTERNAL_VARIANTS[kind]))
      out[locale][name] = pick(renderer.render(kind, locale, ctx()));
  }
  return out;
}

export function readGolden(): GoldenFile[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(GOLDEN_DIR, f), 'utf8')) as GoldenFile);
}

export const goldenFile = (kind: string): string => path.join(GOLDEN_DIR, `${kind}.json`);

export function hasGolden(kind: string): boolean {
  return existsSync(goldenFile(kind));
}

export function writeGolden(file: GoldenFile): void {
  writeFileSync(goldenFile(file.kind), `${JSON.stringify(file, null, 1)}\n`);
}
