/**
 * The dev server's sense of time. In `real` mode timers are wall-clock timeouts. In `skipping`
 * mode time stands still until someone advances it (a test's `sleep`, or a client waiting for a
 * result while nothing else is in flight), and due timers then fire in order, as on Temporal's
 * time-skipping test server.
 */
export type TimeMode = 'real' | 'skipping';

interface Timer {
  id: number;
  at: number;
  fire: () => void;
  handle?: NodeJS.Timeout;
}

/** setTimeout's limit; longer waits re-arm. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class Clock {
  private virtualNow: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(
    readonly mode: TimeMode,
    startTime?: number,
  ) {
    this.virtualNow = startTime ?? Date.now();
  }

  now(): number {
    return this.mode === 'real' ? Date.now() : this.virtualNow;
  }

  /** Runs `fire` at `at` (epoch ms). Returns an id for `cancel`. */
  schedule(at: number, fire: () => void): number {
    const timer: Timer = { id: this.nextId++, at, fire };
    this.timers.set(timer.id, timer);
    if (this.mode === 'real') this.arm(timer);
    return timer.id;
  }

  cancel(id: number | undefined): void {
    if (id === undefined) return;
    const timer = this.timers.get(id);
    if (timer?.handle) clearTimeout(timer.handle);
    this.timers.delete(id);
  }

  /** The earliest pending timer's time, if any (skipping mode). */
  nextTimerAt(): number | undefined {
    let next: number | undefined;
    for (const t of this.timers.values()) if (next === undefined || t.at < next) next = t.at;
    return next;
  }

  /** Moves virtual time to the earliest timer due at or before `limit` and fires every timer due then. */
  fireNext(limit: number): boolean {
    const next = this.nextTimerAt();
    if (next === undefined || next > limit) return false;
    this.virtualNow = Math.max(this.virtualNow, next);
    const due = [...this.timers.values()]
      .filter((t) => t.at <= this.virtualNow)
      .sort((a, b) => a.at - b.at || a.id - b.id);
    for (const t of due) {
      this.timers.delete(t.id);
      t.fire();
    }
    return true;
  }

  /** Moves virtual time forward to `at` without firing anything (callers fire due timers first). */
  advanceTo(at: number): void {
    if (at > this.virtualNow) this.virtualNow = at;
  }

  close(): void {
    for (const t of this.timers.values()) if (t.handle) clearTimeout(t.handle);
    this.timers.clear();
  }

  private arm(timer: Timer): void {
    const delay = Math.max(0, timer.at - Date.now());
    timer.handle = setTimeout(
      () => {
        if (!this.timers.has(timer.id)) return;
        if (timer.at > Date.now()) return this.arm(timer);
        this.timers.delete(timer.id);
        timer.fire();
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    timer.handle.unref?.();
  }
}
