import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TIME_ZONE_OPTIONS, WORKFLOW_TIME_ZONE } from '../../helpers/time';
import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { scheduleAnswer, scheduleSchema } from './schedule.schema';

const displayOptions = { show: { resource: ['meeting'], operation: ['schedule'] } };

const WEEKDAY_OPTIONS = [
	{ name: 'Monday', value: 'monday' },
	{ name: 'Tuesday', value: 'tuesday' },
	{ name: 'Wednesday', value: 'wednesday' },
	{ name: 'Thursday', value: 'thursday' },
	{ name: 'Friday', value: 'friday' },
	{ name: 'Saturday', value: 'saturday' },
	{ name: 'Sunday', value: 'sunday' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Quarterly review with ACME',
		description: 'Subject of the meeting, shown to everyone who joins',
		displayOptions,
	},
	{
		displayName: 'Meeting Capacity',
		name: 'meetingCapacity',
		type: 'number',
		required: true,
		default: 10,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many participants the meeting room admits (at least 1)',
		displayOptions,
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the meeting starts. A time without an offset (as the date picker gives) is read in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.plus(1, "day") }}, is converted into that zone. Also accepts "yyyy-MM-dd HH:mm:ss".',
		displayOptions,
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		required: true,
		default: 60,
		typeOptions: { minValue: 31, numberPrecision: 0 },
		description: 'Length of the meeting in whole minutes; UMeeting requires more than 30',
		displayOptions,
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'options',
		options: TIME_ZONE_OPTIONS,
		default: WORKFLOW_TIME_ZONE,
		description:
			"Zone in which the start time (and a recurrence end date) is sent, as UMeeting reads times without a zone. The default expression is the workflow's time zone (Workflow Settings, else the instance default); its preview shows which zone that is. The zone of the machine running n8n is never used.",
		displayOptions,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Allow Live Streaming',
				name: 'allowLiveStreaming',
				type: 'boolean',
				default: false,
				description: 'Whether the meeting may be streamed live (not available for webinars)',
			},
			{
				displayName: 'Enable Webinar',
				name: 'enableWebinar',
				type: 'boolean',
				default: false,
				description:
					'Whether to create a webinar instead of a meeting. Webinars have no mute on entry, video settings, live streaming or waiting room: turning one of those on as well is refused.',
			},
			{
				displayName: 'Host Name',
				name: 'hostName',
				type: 'string',
				default: '',
				description: 'Name shown for the host',
			},
			{
				displayName: 'Host Video',
				name: 'hostVideo',
				type: 'boolean',
				default: false,
				description: "Whether the host's camera is on when the meeting starts (not available for webinars)",
			},
			{
				displayName: 'Mute Upon Entry',
				name: 'muteUponEntry',
				type: 'boolean',
				default: false,
				description: 'Whether participants are muted when they join (not available for webinars)',
			},
			{
				displayName: 'Participants Video',
				name: 'participantsVideo',
				type: 'boolean',
				default: false,
				description:
					"Whether participants' cameras are on when they join (not available for webinars)",
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Password participants must enter to join; leave empty for none',
			},
			{
				displayName: 'Recording',
				name: 'recording',
				type: 'options',
				default: 'none',
				options: [
					{ name: 'Cloud', value: 'cloud', description: 'Record the meeting in the UMeeting cloud' },
					{ name: 'None', value: 'none', description: 'Do not record (the service default)' },
				],
			},
			{
				displayName: 'Use Personal Meeting ID',
				name: 'usePmi',
				type: 'boolean',
				default: false,
				description:
					'Whether to hold the meeting in the personal meeting room of the account (only accounts set up for it by UMeeting)',
			},
			{
				displayName: 'User Key',
				name: 'userKey',
				type: 'string',
				default: '',
				description:
					'Your own identifier for whom the meeting is booked for (for example a CRM user ID), at most 200 bytes in UTF-8: about 66 Chinese characters. Meeting lists can be filtered by it.',
			},
			{
				displayName: 'Waiting Room',
				name: 'waitingRoom',
				type: 'boolean',
				default: false,
				description:
					'Whether participants wait until the host admits them (not available for webinars)',
			},
		],
	},
	{
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'fixedCollection',
		placeholder: 'Add Recurrence',
		default: {},
		typeOptions: { multipleValues: false },
		description: 'Make this a recurring meeting series; leave empty for a single meeting',
		displayOptions,
		options: [
			{
				displayName: 'Recurrence',
				name: 'rule',
				// eslint-disable-next-line n8n-nodes-base/node-param-fixed-collection-type-unsorted-items -- a rule reads top-down: what repeats, then when the series ends; alphabetical order would put "End" before "Repeat"
				values: [
					{
						displayName: 'Repeat',
						name: 'type',
						type: 'options',
						default: 'daily',
						options: [
							{ name: 'Daily', value: 'daily' },
							{ name: 'Weekly', value: 'weekly' },
							{ name: 'Monthly on a Day of the Month', value: 'monthlyDay', description: 'For example on the 15th' },
							{
								name: 'Monthly on a Weekday',
								value: 'monthlyWeekday',
								description: 'For example on the second Tuesday',
							},
						],
						description:
							'How the meeting repeats. The service also gives a day of the month precedence over a weekday of the month; choosing one of the two monthly kinds sends only that one.',
					},
					{
						displayName: 'Days',
						name: 'dailyType',
						type: 'options',
						default: 'everyDay',
						displayOptions: { show: { type: ['daily'] } },
						options: [
							{ name: 'Every Day', value: 'everyDay' },
							{ name: 'Weekdays Only', value: 'weekdays', description: 'Monday to Friday' },
						],
					},
					{
						displayName: 'Weekdays',
						name: 'weeklyDays',
						type: 'multiOptions',
						default: [],
						displayOptions: { show: { type: ['weekly'] } },
						options: WEEKDAY_OPTIONS,
						description:
							'Days of the week the meeting repeats on (at least one). Sent as the manual numbers them: 1 Monday to 7 Sunday.',
					},
					{
						displayName: 'Day of the Month',
						name: 'monthlyDay',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, maxValue: 31, numberPrecision: 0 },
						displayOptions: { show: { type: ['monthlyDay'] } },
						description: 'Day of the month the meeting repeats on, from 1 to 31',
					},
					{
						displayName: 'Week of the Month',
						name: 'monthlyWeek',
						type: 'options',
						default: 1,
						displayOptions: { show: { type: ['monthlyWeekday'] } },
						options: [
							{ name: 'First', value: 1 },
							{ name: 'Second', value: 2 },
							{ name: 'Third', value: 3 },
							{ name: 'Fourth', value: 4 },
							{ name: 'Fifth', value: 5 },
						],
						description: 'Which week of the month (1 to 5) the meeting repeats in',
					},
					{
						displayName: 'Weekday',
						name: 'monthlyWeekDay',
						type: 'options',
						default: 'monday',
						displayOptions: { show: { type: ['monthlyWeekday'] } },
						options: WEEKDAY_OPTIONS,
						description: 'Day of that week the meeting repeats on',
					},
					{
						displayName: 'End',
						name: 'endBy',
						type: 'options',
						default: 'times',
						options: [
							{ name: 'After a Number of Occurrences', value: 'times' },
							{ name: 'On a Date', value: 'date' },
						],
						description:
							'When the series ends. The service requires one of the two and prefers the end date when both are given; the node sends only the one chosen here.',
					},
					{
						displayName: 'Occurrences',
						name: 'endTimes',
						type: 'number',
						default: 4,
						typeOptions: { minValue: 1, numberPrecision: 0 },
						displayOptions: { show: { endBy: ['times'] } },
						description: 'How many meetings the series has in all (at least 1)',
					},
					{
						displayName: 'End Date',
						name: 'endDateTime',
						type: 'dateTime',
						default: '',
						displayOptions: { show: { endBy: ['date'] } },
						description:
							'Last moment a meeting of the series may start, read in the same Time Zone as the start time; must be after the start time',
					},
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parameters = {
		topic: this.getNodeParameter('topic', itemIndex),
		meetingCapacity: this.getNodeParameter('meetingCapacity', itemIndex),
		startTime: this.getNodeParameter('startTime', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex),
		timeZone: this.getNodeParameter('timeZone', itemIndex, ''),
		workflowTimeZone: this.getTimezone(),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
		recurrence: this.getNodeParameter('recurrence', itemIndex, {}),
	};
	const form = parseParameters(this, scheduleSchema, parameters, description, itemIndex);
	const meeting = await callUMeeting.call(this, { endpoint: 'share/schedule', form, itemIndex, data: scheduleAnswer });
	return meeting as IDataObject;
}
