/**
 * Replays workflow histories against the current workflow code: a change to workflows/ that would
 * break running incidents fails here instead of in production. Used by `npm run replay`, by the
 * stored histories in test/replay/, and after every scenario test.
 */
import type { DataConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WORKFLOWS_PATH } from './worker';

export interface ReplayInput {
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

export interface ReplayFailure {
  workflowId: string;
  message: string;
}

/** Workflow code: the bundle a worker would build from workflows/, or a prebuilt one. */
export type WorkflowSource = { workflowBundle: { codePath: string } } | { workflowsPath: string };

export async function replayHistories(
  histories: ReplayInput[],
  dataConverter: DataConverter,
  source: WorkflowSource = { workflowsPath: WORKFLOWS_PATH },
): Promise<ReplayFailure[]> {
  const failures: ReplayFailure[] = [];
  if (histories.length === 0) return failures;
  for await (const result of Worker.runReplayHistories({ ...source, dataConverter, replayName: 'replay' }, histories)) {
    if (result.error) failures.push({ workflowId: result.workflowId, message: result.error.message });
  }
  return failures;
}

/**
 * A history exported as JSON: `temporal workflow show --output json` (events at the top level or
 * under `history`), or `historyToJSON`. The workflow id is the file's own, when it names one.
 */
export function readHistoryFile(path: string): ReplayInput {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { workflowId?: string; history?: unknown; events?: unknown };
  const history = historyFromJSON(json.events ? json : json.history);
  return { workflowId: json.workflowId ?? basename(path, '.json'), history };
}
