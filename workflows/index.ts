export { incidentWorkflow } from './incident/workflow';
export { notifyRecipients } from './notify/workflow';
export { drillWorkflow } from './drill/workflow';
export { retentionWorkflow } from './retention/workflow';
