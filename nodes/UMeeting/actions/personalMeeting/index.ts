import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as createInstant from './instant.operation';
import * as deleteMeeting from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as schedule from './schedule.operation';
import * as update from './update.operation';

/**
 * Meetings of a personal account (private/*): the Meeting resource's operations for a personal
 * account's own room, built from the same definitions. The personal list, history and account
 * endpoints are deprecated in the manual and not offered.
 */
export const operations: Record<string, Operation> = {
	createInstant,
	delete: deleteMeeting,
	end,
	get,
	schedule,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['personalMeeting'] } },
		default: 'schedule',
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Cancel a meeting of a personal account (cannot be undone)',
				action: 'Delete a personal meeting',
			},
			{
				name: 'End',
				value: 'end',
				description: 'End a meeting of a personal account now, for everyone in it',
				action: 'End a personal meeting',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Read a personal meeting's details and state",
				action: 'Get a personal meeting',
			},
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Book a meeting of a personal account for a future time',
				action: 'Schedule a personal meeting',
			},
			{
				name: 'Start Instant Meeting',
				value: 'createInstant',
				description: 'Open a meeting of a personal account that starts now',
				action: 'Start an instant personal meeting',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Reschedule or change a meeting of a personal account',
				action: 'Update a personal meeting',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
