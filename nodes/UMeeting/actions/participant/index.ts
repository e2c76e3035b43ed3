import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as getAll from './getAll.operation';
import * as getReport from './getReport.operation';

/** Each operation by its parameter value. */
export const operations: Record<string, Operation> = {
	getAll,
	getReport,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['participant'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the attendees of a meeting or of one held session of it, one item each',
				action: 'Get many participants',
			},
			{
				name: 'Get Meeting Report',
				value: 'getReport',
				description: 'Get the report of a held or running meeting with its attendee list',
				action: 'Get a meeting report',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
