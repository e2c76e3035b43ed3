import type { INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { wholeNumber } from '../../../helpers/fieldSchemas';
import { capacityField } from './meetingFields';

/** What a new meeting is booked for: a size of the public rooms, or a personal account. */
export interface MeetingOwner {
	/** The node parameter as the editor shows it; its name is the parameter's. */
	field: INodeProperties;
	/** The form field it is sent as. */
	wire: string;
	/** Checks the parameter; its result is sent as text. */
	schema: z.ZodType<string | number, z.ZodTypeDef, unknown>;
}

/**
 * The API manages two families of meetings with the same calls under two path prefixes: those of the
 * account's public meeting rooms (share/*) and those of a personal account (private/*). Each
 * operation of the two resources is built from one definition, given its family.
 */
export interface MeetingFamily {
	/** The node's resource value. */
	resource: string;
	/** Path prefix of the family's endpoints: `${prefix}/schedule`, `${prefix}/get`, … */
	prefix: string;
	owner: MeetingOwner;
	/** Whether its meetings can recur: recurrence on schedule and update, occurrence uuids on end and delete. */
	series: boolean;
	/** Whether the list endpoint returns its meetings, so that the Meeting field offers From List. */
	listed: boolean;
}

/** The meetings of the public rooms, sized by a capacity: the Meeting resource. */
export const ROOM_MEETINGS: MeetingFamily = {
	resource: 'meeting',
	prefix: 'share',
	owner: {
		field: capacityField('How many participants the meeting room admits (at least 1)'),
		wire: 'meeting_capacity',
		schema: wholeNumber({ min: 1 }),
	},
	series: true,
	listed: true,
};

/** The zone field's words for operations that take a start time: a recurrence end only in a series. */
export function startZoneText(family: MeetingFamily, startTime: string): string {
	const recurrenceEnd = family.series ? ' (and a recurrence End Date)' : '';
	return `Zone in which ${startTime}${recurrenceEnd} without an offset is meant, and in which the output's times are shown.`;
}
