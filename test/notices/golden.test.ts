/**
 * Every kind × locale renders byte for byte as the snapshot in __golden__ (see golden.ts):
 * subject, text and HTML, in the complete, pending and delayed contexts, and the internal mails.
 */
import { createNoticeRenderer, noticeKind, TEMPLATE_LOCALES } from '../../activities/notices';
import { obligationFor, ruleObligations, TEMPLATES_DIR } from './fixtures';
import {
  hasGolden,
  readGolden,
  renderInternalKind,
  renderObligationKind,
  writeGolden,
  type GoldenFile,
} from './golden';

const renderer = createNoticeRenderer({ templatesDir: TEMPLATES_DIR });
const mode = process.env.NOTICE_GOLDEN;

if (mode === 'write' || mode === 'new') {
  // `write` rewrites every file; `new` writes only the kinds that have none yet (existing files stay byte for byte).
  const wanted = (kind: string) => mode === 'write' || !hasGolden(kind);
  it(mode === 'write' ? 'writes the snapshot' : 'writes the snapshot of the kinds that have none', () => {
    for (const o of ruleObligations()) {
      const kind = noticeKind(obligationFor(o));
      if (wanted(kind))
        writeGolden({ kind, obligation: o, renders: renderObligationKind(renderer, kind, o, TEMPLATE_LOCALES[kind]) });
    }
    for (const kind of ['reminder', 'escalation'] as const) {
      if (wanted(kind))
        writeGolden({ kind, obligation: null, renders: renderInternalKind(renderer, kind, TEMPLATE_LOCALES[kind]) });
    }
  });
} else {
  const golden = readGolden();

  it('the snapshot covers the kinds it was taken of (82 obligation kinds and the two internal mails)', () => {
    expect(golden.length).toBeGreaterThanOrEqual(84);
  });

  it.each(golden.map((g) => [g.kind, g] as const))('%s renders as before', (kind, g: GoldenFile) => {
    const locales = Object.keys(g.renders);
    const now = g.obligation
      ? renderObligationKind(renderer, kind, g.obligation, locales)
      : renderInternalKind(renderer, kind as 'reminder' | 'escalation', locales);
    for (const locale of locales) {
      for (const [variant, before] of Object.entries(g.renders[locale])) {
        const after = now[locale][variant];
        for (const field of ['locale', 'fallback', 'subject', 'text', 'html', 'pending'] as const) {
          expect({ kind, locale, variant, field, value: after[field] }).toEqual({
            kind,
            locale,
            variant,
            field,
            value: before[field],
          });
        }
      }
    }
  });
}
