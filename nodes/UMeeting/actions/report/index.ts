import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as getMeetingHistory from './getMeetingHistory.operation';
import * as getMeetingMetrics from './getMeetingMetrics.operation';
import * as getRoomSummary from './getRoomSummary.operation';
import * as getRoomUsage from './getRoomUsage.operation';

/** Each statistics operation by its parameter value; none changes anything. */
export const operations: Record<string, Operation> = {
	getMeetingHistory,
	getMeetingMetrics,
	getRoomSummary,
	getRoomUsage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		default: 'getRoomUsage',
		options: [
			{
				name: 'Get Meeting History',
				value: 'getMeetingHistory',
				description:
					'List the meetings held in a period with length, participant count, capacity and features used',
				action: 'Get a meeting history report',
			},
			{
				name: 'Get Meeting Metrics',
				value: 'getMeetingMetrics',
				description: 'List ended or running meetings of a period with length, participants and features used',
				action: 'Get meeting metrics',
			},
			{
				name: 'Get Room Usage Details',
				value: 'getRoomUsage',
				description:
					'List the meetings held in the public rooms in a period, optionally with participants and phone calls',
				action: 'Get room usage details',
			},
			{
				name: 'Get Room Usage Summary',
				value: 'getRoomSummary',
				description: 'Total meetings, participants and minutes of a period, per public room',
				action: 'Get a room usage summary',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
