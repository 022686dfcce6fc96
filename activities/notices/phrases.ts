/**
 * The shared wording, as the code reads it: one catalogue per locale (locales/<locale>.json,
 * schema in wording/schema.ts). These are views of the repository's catalogues for the places
 * that want a table by locale; a plan's own wording is read through its Wording (wording/load.ts).
 */
import type { DataCategory } from '../../domain/facts';
import { defaultWordingStore } from './wording';

const base = () => defaultWordingStore().forPlan(null);

/** Locales with a catalogue: the languages notices can be written in. */
export const PHRASE_LOCALES: readonly string[] = base().locales();
export type PhraseLocale = string;

export function isPhraseLocale(l: string): l is PhraseLocale {
  return PHRASE_LOCALES.includes(l);
}

const byLocale = <T>(f: (l: string) => T): Readonly<Record<string, T>> =>
  Object.freeze(Object.fromEntries(PHRASE_LOCALES.map((l) => [l, f(l)])));

/**
 * Stands in for content not yet known when a notice to an authority or organisation is drafted
 * (GDPR Art. 33(4), DPO Art. 15(2) FADP, APPI Rules Art. 8(1), PIPA Decree Art. 40(2) …).
 */
export const TO_FOLLOW = byLocale((l) => base().catalogue(l).toFollow);
/** The same for notices to the public (individuals, media): what they will hear, not a report. */
export const TO_FOLLOW_PUBLIC = byLocale((l) => base().catalogue(l).toFollowPublic);
export const DATA_CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<DataCategory, string>>>> = byLocale(
  (l) => base().catalogue(l).dataCategories,
);
