import type { INodeProperties } from 'n8n-workflow';

import * as schedule from './schedule.operation';

export { schedule };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		default: 'schedule',
		options: [
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Book a meeting (or a recurring series) for a future time',
				action: 'Schedule a meeting',
			},
		],
	},
	...schedule.description,
];
