/** The activity stubs incidentWorkflow uses, with their retry policies. Only types cross from activities/. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

/** Bookkeeping (ledger, rules, plan, rendering): quick, retried until it works. */
export const bookkeeping = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['PlanInvalid', 'RuleSetInvalid', 'TemplateError'],
  },
});

/** Sending: transient SMTP trouble retries with backoff for a while, then the workflow escalates. */
export const delivery = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 8 },
});
