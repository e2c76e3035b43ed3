import { z } from 'zod';

import { describeValue } from '../../helpers/time';
import type { MeetingFamily } from '../meeting/shared/family';

/** A hostId as UMeeting issues them (e.g. 8Eki6-0R7eVsdg-mH4y7A): URL-safe letters, digits, - and _. */
const HOST_ID = /^[A-Za-z0-9_-]{1,64}$/;

const hostId = z.unknown().transform((value, ctx) => {
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text && HOST_ID.test(text)) return text;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message:
			text === ''
				? 'is required and cannot be empty'
				: `must be the hostId of a personal account: letters, digits, "-" and "_", at most 64 (got ${describeValue(value)})`,
	});
	return z.NEVER;
});

/**
 * The meetings of a personal account (private/*): booked for the account's hostId instead of a room
 * capacity, never recurring, and not in the meeting list, so they are picked by ID.
 */
export const PERSONAL_MEETINGS: MeetingFamily = {
	resource: 'personalMeeting',
	prefix: 'private',
	owner: {
		field: {
			displayName: 'Host ID',
			name: 'hostId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 8Eki6-0R7eVsdg-mH4y7A',
			description:
				"The hostId of the personal account that hosts the meeting: UMeeting gives it when the account is linked to your API key, and every personal meeting's schedule answer carries it as host_id",
		},
		wire: 'host_id',
		schema: hostId,
	},
	series: false,
	listed: false,
};
