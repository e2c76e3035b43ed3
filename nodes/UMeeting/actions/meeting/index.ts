import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

import * as createInstant from './instant.operation';
import * as deleteMeeting from './delete.operation';
import * as deleteLiveStream from './deleteLiveStream.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getHistory from './getHistory.operation';
import * as getStartUrl from './getStartUrl.operation';
import * as getToken from './getToken.operation';
import * as schedule from './schedule.operation';
import * as setCapacity from './setCapacity.operation';
import * as update from './update.operation';

/** Each operation by its parameter value: fields, prepare and whether it changes meetings. */
export const operations: Record<string, Operation> = {
	createInstant,
	delete: deleteMeeting,
	deleteLiveStream,
	end,
	get,
	getAll,
	getHistory,
	getStartUrl,
	getToken,
	schedule,
	setCapacity,
	update,
};

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
				name: 'Delete',
				value: 'delete',
				description: 'Cancel a meeting, a whole series or one occurrence (cannot be undone)',
				action: 'Delete a meeting',
			},
			{
				name: 'Delete Live Stream',
				value: 'deleteLiveStream',
				description: "Delete a meeting's live stream by its live ID (cannot be undone)",
				action: 'Delete a live stream',
			},
			{
				name: 'End',
				value: 'end',
				description: 'End a meeting now for everyone in it, a whole series or one occurrence',
				action: 'End a meeting',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Read a meeting's details and state",
				action: 'Get a meeting',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				description: 'List cancelled and ended meetings',
				action: 'Get meeting history',
			},
			{
				name: 'Get Host Token',
				value: 'getToken',
				description: 'Get the host ID and token that start a meeting as its host (a host secret)',
				action: 'Get a host token',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List scheduled and running meetings',
				action: 'Get many meetings',
			},
			{
				name: 'Get Start URL',
				value: 'getStartUrl',
				description: "Get the host's start link, available from shortly before the start (a host secret)",
				action: 'Get a host start URL',
			},
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Book a meeting (or a recurring series) for a future time',
				action: 'Schedule a meeting',
			},
			{
				name: 'Set Capacity',
				value: 'setCapacity',
				description: 'Change how many participants a meeting admits',
				action: 'Set the capacity of a meeting',
			},
			{
				name: 'Start Instant Meeting',
				value: 'createInstant',
				description: 'Open a meeting that starts now',
				action: 'Start an instant meeting',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Reschedule or change a meeting or a whole series',
				action: 'Update a meeting',
			},
		],
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
