import type { INodeProperties } from 'n8n-workflow';

import { timeZoneField } from '../../../meetings/timeZone.field';

/** The Room ID filter of the room reports. */
export const roomFiltersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Room ID',
			name: 'hostId',
			type: 'string',
			default: '',
			placeholder: 'e.g. ABCDEFGHIJKLMNOPQRSTUV',
			description:
				"Only this public meeting room: its host_id, as Schedule's output or a room list gives it (drag it in from an earlier node). Empty means every room.",
		},
	],
};

/** The node's Time Zone, here for the period's dates and the output's times. */
export const reportTimeZoneField = timeZoneField(
	"Zone in which Start Date and End Date without an offset are meant, and in which the output's times are shown (the *_iso fields carry its offset, time_zone its name). UMeeting's own zone is set in the credential.",
);
