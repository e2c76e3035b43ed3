import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as getAll from './getAll.operation';

/** Each operation by its parameter value. */
export const operations: Record<string, Operation> = {
	getAll,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a meeting's cloud recordings with their play and download links",
				action: 'Get many recordings',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
