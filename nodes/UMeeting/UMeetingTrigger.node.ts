import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { pollUMeeting } from './trigger/poll';

/**
 * Starts a workflow when UMeeting meetings are scheduled, start, end or are cancelled, or when a
 * cloud recording is ready. UMeeting publishes no webhooks: the trigger polls the live list and the
 * history, as n8n's Google Calendar and Gmail triggers poll theirs (see trigger/observe.ts).
 */
export class UMeetingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UMeeting Trigger',
		name: 'uMeetingTrigger',
		icon: { light: 'file:umeeting.svg', dark: 'file:umeeting.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when UMeeting meetings are scheduled, start, end or are cancelled',
		defaults: { name: 'UMeeting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'uMeetingApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUMeeting.call(this);
	}
}
