/**
 * Which incidents the incidents page lists: every incident with ledger entries (the ledger is the
 * record of every incident and outlives the workflows), the newest first, drills only when asked.
 */
import type { Ledger } from '../../activities/ledger/ledger';
import { isDrillIncident } from '../../domain/drill';

export const INCIDENT_LIST_LIMIT = 200;

export async function listIncidentIds(
  ledger: Pick<Ledger, 'incidentIds'>,
  opts: { drills: boolean },
): Promise<string[]> {
  const ids = (await ledger.incidentIds()).filter((id) => opts.drills || !isDrillIncident(id));
  return ids.reverse().slice(0, INCIDENT_LIST_LIMIT);
}
