import fc from 'fast-check';

/**
 * Parameter sets for the Schedule operation as n8n could hand them over: typed values from the
 * editor, and anything an expression can produce (strings for numbers, objects, null, empty text).
 */
const junk = fc.oneof(
	fc.constant(null),
	fc.constant(undefined),
	fc.constant(''),
	fc.string({ maxLength: 12 }),
	fc.integer({ min: -1000, max: 1000 }),
	fc.double({ noNaN: false }),
	fc.boolean(),
	fc.object({ maxDepth: 1 }),
	fc.array(fc.integer(), { maxLength: 3 }),
);

const wholeish = (min: number, max: number) =>
	fc.oneof(
		{ weight: 14, arbitrary: fc.integer({ min, max }) },
		{ weight: 4, arbitrary: fc.integer({ min, max }).map(String) },
		{ weight: 1, arbitrary: fc.integer({ min: -50, max: min + 2 }) },
		{ weight: 1, arbitrary: junk },
	);

const text = fc.oneof(
	{ weight: 14, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 90 }) },
	{
		weight: 1,
		arbitrary: fc.constantFrom('会议'.repeat(34), '会'.repeat(67), 'a'.repeat(200), 'a'.repeat(201)),
	},
	{ weight: 1, arbitrary: junk },
);

const flag = fc.oneof(
	{ weight: 16, arbitrary: fc.boolean() },
	{ weight: 3, arbitrary: fc.constantFrom('true', 'false') },
	{ weight: 1, arbitrary: junk },
);

const instant = fc.date({
	min: new Date('2024-01-01T00:00:00Z'),
	max: new Date('2030-12-31T23:59:59Z'),
	noInvalidDate: true,
});

const timeText = fc.oneof(
	{ weight: 10, arbitrary: instant.map((d) => d.toISOString().slice(0, 19)) },
	{ weight: 2, arbitrary: instant.map((d) => d.toISOString()) },
	{ weight: 2, arbitrary: instant.map((d) => d.toISOString().slice(0, 19).replace('T', ' ')) },
	{ weight: 1, arbitrary: instant.map((d) => `${d.toISOString().slice(0, 19)}+05:30`) },
	{ weight: 1, arbitrary: instant },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'2026-02-30 10:00:00',
			'2026-03-08 02:30:00',
			'2026-13-01T00:00:00',
			'soon',
			'',
		),
	},
	// Around the DST changes of the zones below: gaps of an item zone, repeated hours of a service zone.
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'2026-03-29 02:30:00',
			'2026-10-25 02:30:00',
			'2026-11-01 01:30:00',
			'2026-10-25T00:30:00Z',
			'2026-10-25T01:30:00Z',
			'2026-11-01T05:30:00Z',
			'2026-11-01T06:30:00Z',
			'2026-04-04T13:30:00Z',
			'2026-03-29T01:30:00Z',
		),
	},
	{ weight: 1, arbitrary: junk },
);

/**
 * Zones for the workflow and the credential's Service Time Zone: no DST, northern and southern DST,
 * a 45-minute offset and UTC. Not part of scheduleParameters, which are node parameters.
 */
export const zoneName = fc.constantFrom(
	'Asia/Shanghai',
	'America/New_York',
	'Europe/Berlin',
	'Pacific/Chatham',
	'Etc/UTC',
);

const weekday = fc.oneof(
	fc.constantFrom('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'Funday'),
	fc.integer({ min: 0, max: 8 }),
);

const ending = {
	endBy: fc.oneof({ weight: 9, arbitrary: fc.constantFrom('times', 'date') }, { weight: 1, arbitrary: junk }),
	endTimes: wholeish(1, 60),
	endDateTime: timeText,
};

const rule = fc.oneof(
	fc.record(
		{
			type: fc.constant('daily'),
			dailyType: fc.oneof(fc.constantFrom('everyDay', 'weekdays'), junk),
			...ending,
		},
		{ requiredKeys: ['type'] },
	),
	fc.record(
		{
			type: fc.constant('weekly'),
			weeklyDays: fc.oneof(fc.array(weekday, { maxLength: 8 }), fc.constantFrom('1,3', '2,9', ''), junk),
			...ending,
		},
		{ requiredKeys: ['type'] },
	),
	fc.record(
		{ type: fc.constant('monthlyDay'), monthlyDay: wholeish(1, 31), ...ending },
		{ requiredKeys: ['type'] },
	),
	fc.record(
		{ type: fc.constant('monthlyWeekday'), monthlyWeek: wholeish(1, 5), monthlyWeekDay: weekday, ...ending },
		{ requiredKeys: ['type'] },
	),
	fc.record({ type: junk, ...ending }),
);

export const scheduleParameters = fc.record(
	{
		topic: text,
		meetingCapacity: wholeish(1, 500),
		startTime: timeText,
		duration: wholeish(31, 600),
		timeZone: fc.oneof(
			{
				weight: 12,
				arbitrary: fc.constantFrom(
					'Asia/Shanghai',
					'America/New_York',
					'Europe/Berlin',
					'UTC',
					'Australia/Lord_Howe',
				),
			},
			{ weight: 1, arbitrary: fc.constantFrom('Mars/Olympus', '') },
		),
		additionalFields: fc
			.record(
				{
					password: text,
					userKey: text,
					muteUponEntry: flag,
					usePmi: flag,
					hostVideo: flag,
					participantsVideo: flag,
					recording: fc.oneof(fc.constantFrom('cloud', 'none', 'local'), junk),
					hostName: text,
					allowLiveStreaming: flag,
					waitingRoom: flag,
					enableWebinar: flag,
				},
				{ requiredKeys: [] },
			)
			.chain((fields) =>
				fc.oneof(
					{ weight: 19, arbitrary: fc.constant(fields) },
					{ weight: 1, arbitrary: fc.constant({ ...fields, colour: 'blue' }) },
				),
			),
		recurrence: fc.oneof(fc.constant({}), fc.record({ rule })),
	},
	{ requiredKeys: ['topic', 'meetingCapacity', 'startTime', 'duration', 'timeZone'] },
);
