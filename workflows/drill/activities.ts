/** The activity stubs drillWorkflow uses. Only types cross from activities/. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

export const drillActs = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['PlanInvalid', 'ScenarioInvalid', 'DrillInvalid'],
  },
});
