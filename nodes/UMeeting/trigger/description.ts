import type { INodeProperties } from 'n8n-workflow';

import { ANSWER_TIMES, timeZoneField } from '../meetings/timeZone.field';
import { EVENT_NAMES, type TriggerEvent } from './events';

/** Hours after a meeting's end during which the trigger looks for its cloud recording. */
export const RECORDING_WAIT_HOURS_DEFAULT = 24;
export const RECORDING_WAIT_HOURS_MAX = 168;

const EVENT_HINTS: Record<TriggerEvent, string> = {
	meetingScheduled: 'A meeting appears that the trigger has not seen before',
	meetingStarted: 'A meeting is in progress',
	meetingEnded: 'A meeting has ended',
	meetingCancelled: 'A meeting was cancelled (deleted before it ended)',
	recordingReady:
		"The cloud recording of an ended meeting can be played and downloaded. Costs one request per recently ended meeting and check: see the README's cost per poll.",
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['meetingEnded'],
		options: (Object.keys(EVENT_NAMES) as TriggerEvent[]).map((value) => ({
			name: EVENT_NAMES[value],
			value,
			description: EVENT_HINTS[value],
		})),
		description:
			'What starts the workflow. Each output item is one event: its name in event, and the meeting as the UMeeting node shows it.',
	},
	{
		displayName: 'User Key',
		name: 'userKey',
		type: 'string',
		default: '',
		description:
			'Only meetings booked with this User Key. Empty for every meeting of the account. Changing it starts the trigger afresh: the next poll records the present again.',
	},
	timeZoneField(ANSWER_TIMES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Host Secrets',
				name: 'includeHostSecrets',
				type: 'boolean',
				noDataExpression: true,
				default: false,
				description:
					'Whether the output keeps host_key (and start_url or token, should UMeeting send them), which let whoever holds them act as the host. Off by default: trigger output usually goes on to people, chats or logs, and every execution stores it.',
			},
			{
				displayName: 'Max Requests per Second',
				name: 'maxPerSecond',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Upper bound on the requests one poll starts per second; 0 for no limit. The API family this service derives from allowed 10 per second and 1 per second for list calls.',
			},
			{
				displayName: 'Recording Wait (Hours)',
				name: 'recordingWaitHours',
				type: 'number',
				default: RECORDING_WAIT_HOURS_DEFAULT,
				typeOptions: { minValue: 1, maxValue: RECORDING_WAIT_HOURS_MAX, numberPrecision: 0 },
				description:
					'For Recording Ready: how long after a meeting ended the trigger keeps looking for its cloud recording (1 to 168). UMeeting does not say whether a meeting was booked with cloud recording, so every ended meeting is looked at, less and less often, until its recording is ready or this time has passed.',
			},
		],
	},
];
