/** Reading ledger payloads defensively: entries written by older versions may lack a field. */
import type { LedgerEntry } from '../ledger/ledger';

export type Payload = Record<string, unknown>;

export const payloadOf = (e: Pick<LedgerEntry, 'payload'>): Payload =>
  e.payload !== null && typeof e.payload === 'object' && !Array.isArray(e.payload) ? (e.payload as Payload) : {};

export const str = (p: Payload, k: string): string | null => (typeof p[k] === 'string' ? (p[k] as string) : null);
export const num = (p: Payload, k: string): number | null => (typeof p[k] === 'number' ? (p[k] as number) : null);
export const bool = (p: Payload, k: string): boolean | null => (typeof p[k] === 'boolean' ? (p[k] as boolean) : null);
export const strings = (p: Payload, k: string): string[] =>
  Array.isArray(p[k]) ? (p[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
export const objects = (p: Payload, k: string): Payload[] =>
  Array.isArray(p[k])
    ? (p[k] as unknown[]).filter((x): x is Payload => x !== null && typeof x === 'object' && !Array.isArray(x))
    : [];
export const object = (p: Payload, k: string): Payload | null =>
  p[k] !== null && typeof p[k] === 'object' && !Array.isArray(p[k]) ? (p[k] as Payload) : null;

/** Evidence references ({label, sha256, uri?}) as tasks and action items record them. */
export function evidenceRefs(p: Payload): { label: string; sha256: string; uri: string | null }[] {
  return objects(p, 'evidence').flatMap((r) => {
    const label = str(r, 'label');
    const sha256 = str(r, 'sha256');
    return label && sha256 ? [{ label, sha256, uri: str(r, 'uri') }] : [];
  });
}
