import type { INodeProperties } from 'n8n-workflow';

const WEEKDAY_OPTIONS = [
	{ name: 'Monday', value: 'monday' },
	{ name: 'Tuesday', value: 'tuesday' },
	{ name: 'Wednesday', value: 'wednesday' },
	{ name: 'Thursday', value: 'thursday' },
	{ name: 'Friday', value: 'friday' },
	{ name: 'Saturday', value: 'saturday' },
	{ name: 'Sunday', value: 'sunday' },
];

/** The values of a recurrence rule, as schedule and update show them. */
export const recurrenceRuleFields: INodeProperties[] = [
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
];
