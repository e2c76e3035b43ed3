import type { INodeProperties } from 'n8n-workflow';

import { recurrenceRuleFields } from './recurrence.fields';

/** Fields several operations show the same way. */

export const topicField: INodeProperties = {
	displayName: 'Topic',
	name: 'topic',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Quarterly review with ACME',
	description: 'Subject of the meeting, shown to everyone who joins',
};

/** A required start time: text without an offset is meant in the node's Time Zone (helpers/time.ts). */
export function startTimeField(description: string): INodeProperties {
	return {
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description,
	};
}

export function capacityField(description: string): INodeProperties {
	return {
		displayName: 'Meeting Capacity',
		name: 'meetingCapacity',
		type: 'number',
		required: true,
		default: 10,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description,
	};
}

export function recurrenceField(extra: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'fixedCollection',
		placeholder: 'Add Recurrence',
		default: {},
		typeOptions: { multipleValues: false },
		options: [{ displayName: 'Recurrence', name: 'rule', values: recurrenceRuleFields }],
		...extra,
	};
}
