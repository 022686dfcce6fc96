/**
 * Times on the pages: UTC ISO in `<time datetime>` (the page's script shows it in the viewer's time
 * zone), and the time left until a due time, counted from the incident's own "now".
 */

export interface TimeView {
  iso: string;
  /** What the page shows without its script: the time in UTC. */
  utc: string;
}

export interface TimeLeftView {
  text: string;
  /** Under the plan's last reminder point, or past due: shown in red. */
  urgent: boolean;
  overdue: boolean;
}

export function timeView(iso: string): TimeView {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { iso, utc: iso };
  return { iso: d.toISOString(), utc: `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` };
}

export function optionalTime(iso: string | undefined): TimeView | undefined {
  return iso === undefined ? undefined : timeView(iso);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 d 3 h", "5 h 20 min", "12 min": two units at most, rounded down. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'under a minute';
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/** `urgentHours`: the plan's last reminder point (its smallest "hours before due"). */
export function timeLeft(dueIso: string, nowIso: string, urgentHours: number): TimeLeftView {
  const left = Date.parse(dueIso) - Date.parse(nowIso);
  if (left <= 0) return { text: `overdue by ${formatDuration(left)}`, urgent: true, overdue: true };
  return { text: `${formatDuration(left)} left`, urgent: left < urgentHours * HOUR, overdue: false };
}
