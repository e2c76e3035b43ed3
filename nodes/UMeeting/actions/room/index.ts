import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as checkAvailability from './checkAvailability.operation';
import * as getAll from './getAll.operation';
import * as getLicense from './getLicense.operation';

/** Each operation by its parameter value; none of them changes anything. */
export const operations: Record<string, Operation> = {
	checkAvailability,
	getAll,
	getLicense,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		default: 'checkAvailability',
		options: [
			{
				name: 'Check Availability',
				value: 'checkAvailability',
				description: 'Count the rooms free for a meeting of a given size, start and duration',
				action: 'Check room availability',
			},
			{
				name: 'Get License',
				value: 'getLicense',
				description: "Read the account's billing type, expiry and rooms per capacity",
				action: 'Get the room license',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the meeting rooms with the meetings booked in each',
				action: 'Get many rooms',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
