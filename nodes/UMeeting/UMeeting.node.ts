import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES } from './actions/resources';
import { byLabel } from './helpers/byLabel';
import { router } from './actions/router';
import { toolOutputFields } from './actions/toolOutput';
import { listSearch } from './methods';
import { requestOptionsProperty } from './transport/requestOptions';

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
				options: Object.entries(RESOURCES)
					.map(([value, resource]) => ({ name: resource.displayName, value }))
					.sort((a, b) => byLabel(a.name, b.name)),
				default: 'meeting',
			},
			...Object.values(RESOURCES).flatMap((resource) => resource.description),
			...toolOutputFields,
			requestOptionsProperty,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
