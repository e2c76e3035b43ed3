import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as meeting from './actions/meeting';
import { options } from './actions/options';
import { router } from './actions/router';
import { listSearch } from './methods';

export class UMeeting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UMeeting',
		name: 'uMeeting',
		icon: { light: 'file:umeeting.svg', dark: 'file:umeeting.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Schedule and manage UMeeting cloud meetings',
		defaults: { name: 'UMeeting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'uMeetingApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Meeting', value: 'meeting' }],
				default: 'meeting',
			},
			...meeting.description,
			options,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
