export { incidentWorkflow } from './incident/workflow';
export { notifyRecipients } from './notify/workflow';
