/**
 * Task queues: tasks wait for pollers and pollers wait for tasks (long poll). A task is a thunk that
 * either produces a poll response (and marks its work started) or says it is stale (the workflow
 * moved on), in which case the next task is tried.
 */
export type TaskKind = 'workflow' | 'activity';

/** Returns the response for this poller, or undefined when the task no longer applies. */
export type Dispatch<R> = (identity: string) => R | undefined;

interface Poller<R> {
  identity: string;
  deliver: (response: R | undefined) => void;
}

class TaskQueue<R> {
  readonly tasks: Dispatch<R>[] = [];
  readonly pollers: Poller<R>[] = [];
}

/** How long a poll waits before answering empty, as the real server does (about a minute). */
export const LONG_POLL_MS = 60_000;

export class Matching {
  private readonly queues = new Map<string, TaskQueue<unknown>>();

  private queue<R>(namespace: string, kind: TaskKind, name: string): TaskQueue<R> {
    const key = `${namespace}\u0000${kind}\u0000${name}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = new TaskQueue()));
    return q as TaskQueue<R>;
  }

  addTask<R>(namespace: string, kind: TaskKind, name: string, dispatch: Dispatch<R>): void {
    const q = this.queue<R>(namespace, kind, name);
    while (q.pollers.length > 0) {
      const poller = q.pollers.shift()!;
      const response = dispatch(poller.identity);
      if (response === undefined) {
        q.pollers.unshift(poller);
        return;
      }
      poller.deliver(response);
      return;
    }
    q.tasks.push(dispatch);
  }

  /** Resolves with a task, or undefined when the poll times out, is cancelled or the worker shuts down. */
  poll<R>(
    namespace: string,
    kind: TaskKind,
    name: string,
    identity: string,
    signal: AbortSignal,
  ): Promise<R | undefined> {
    const q = this.queue<R>(namespace, kind, name);
    while (q.tasks.length > 0) {
      const response = q.tasks.shift()!(identity);
      if (response !== undefined) return Promise.resolve(response);
    }
    return new Promise((resolve) => {
      const poller: Poller<R> = {
        identity,
        deliver: (response) => {
          clearTimeout(timeout);
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
      };
      const remove = () => {
        const i = q.pollers.indexOf(poller);
        if (i >= 0) q.pollers.splice(i, 1);
      };
      const onAbort = () => {
        remove();
        poller.deliver(undefined);
      };
      const timeout = setTimeout(onAbort, LONG_POLL_MS);
      timeout.unref?.();
      signal.addEventListener('abort', onAbort, { once: true });
      q.pollers.push(poller);
    });
  }

  /** Answers every waiting poll of this worker identity (or all, without one) with an empty response. */
  releasePollers(identity?: string): void {
    for (const q of this.queues.values()) {
      for (const p of [...q.pollers]) {
        if (identity !== undefined && p.identity !== identity) continue;
        q.pollers.splice(q.pollers.indexOf(p), 1);
        p.deliver(undefined);
      }
    }
  }

  /** Whether any poller is waiting on this queue (a task with no poller will wait). */
  hasPollers(namespace: string, kind: TaskKind, name: string): boolean {
    return this.queue(namespace, kind, name).pollers.length > 0;
  }
}
