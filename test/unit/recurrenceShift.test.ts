import fc from 'fast-check';
import { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { description } from '../../nodes/UMeeting/actions/meeting/schedule.operation';
import { scheduleSchema } from '../../nodes/UMeeting/actions/meeting/schedule.schema';
import { parseParameters } from '../../nodes/UMeeting/helpers/validation';
import { parseRecurrence } from '../simulator/endpoints/recurrenceForm';
import { occurrences, type Recurrence } from '../simulator/recurrence';

/**
 * A person picks weekdays and days of the month on the calendar of the node's Time Zone (the item
 * zone); UMeeting repeats a series on the calendar of its own zone. When the start lies on another
 * date in the service zone, the node moves the days so the series means the same meetings, or
 * refuses a rule the service's calendar cannot say.
 */

const FORMAT = 'yyyy-MM-dd HH:mm:ss';
const node = { name: 'UMeeting', type: 'n8n-nodes-umeeting.uMeeting' } as INode;
const context = { getNode: () => node } as unknown as IExecuteFunctions;

const base = { topic: 'Series', meetingCapacity: 5, duration: 45, workflowTimeZone: 'Europe/Paris' };
const newYork = { timeZone: 'America/New_York', serviceTimeZone: 'Asia/Shanghai' };

function parse(parameters: Record<string, unknown>) {
	return scheduleSchema.safeParse({ ...base, ...parameters });
}

function form(parameters: Record<string, unknown>): Record<string, string> {
	const result = parse(parameters);
	if (!result.success) throw new Error(JSON.stringify(result.error.issues));
	return result.data.form;
}

/** The error the node shows for a refused item, as a person reads it. */
function refusal(parameters: Record<string, unknown>): string {
	try {
		parseParameters(context, scheduleSchema, { ...base, ...parameters }, description, 0);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return (error as Error).message;
	}
	throw new Error('expected a refusal');
}

function issuePath(parameters: Record<string, unknown>): string {
	const result = parse(parameters);
	if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data.form)}`);
	return result.error.issues[0].path.join('.');
}

/** Expands what the node sends as the simulator does, and shows each meeting in the item zone. */
function meetingsInItemZone(sent: Record<string, string>, itemZone: string, serviceZone: string, cap = 400) {
	const rule = parseRecurrence(sent, sent.start_time);
	if (!rule) throw new Error('no recurrence was sent');
	return occurrences(sent.start_time, rule, cap).map((text) =>
		DateTime.fromFormat(text, FORMAT, { zone: serviceZone }).setZone(itemZone),
	);
}

const LUXON_WEEKDAY = ['', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

describe('weekly and daily rules', () => {
	test('Tuesday and Thursday at 21:00 in New York are Wednesday and Friday in Shanghai', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-01T21:00:00', // a Tuesday
			recurrence: { rule: { type: 'weekly', weeklyDays: ['tuesday', 'thursday'], endTimes: 8 } },
		});
		expect(sent).toMatchObject({
			start_time: '2026-12-02 10:00:00',
			recurrence_type: '2',
			weekly_days: '3,5',
		});
	});

	test('Sunday at 21:00 in New York is Monday in Shanghai', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-06T21:00:00', // a Sunday
			recurrence: { rule: { type: 'weekly', weeklyDays: ['sunday'], endTimes: 4 } },
		});
		expect(sent).toMatchObject({ start_time: '2026-12-07 10:00:00', weekly_days: '1' });
	});

	test('daily on weekdays at 21:00 in New York becomes weekly Tuesday to Saturday in Shanghai', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-01T21:00:00',
			recurrence: { rule: { type: 'daily', dailyType: 'weekdays', endTimes: 10 } },
		});
		expect(sent).toMatchObject({ recurrence_type: '2', weekly_days: '2,3,4,5,6' });
		expect(sent).not.toHaveProperty('daily_type');
	});

	test('daily every day stays daily when shifted', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-01T21:00:00',
			recurrence: { rule: { type: 'daily', dailyType: 'everyDay', endTimes: 10 } },
		});
		expect(sent).toMatchObject({ recurrence_type: '1', daily_type: '1' });
	});

	test('on the same date in both zones nothing moves', () => {
		// 09:00 in New York is 22:00 the same day in Shanghai.
		const weekly = form({
			...newYork,
			startTime: '2026-12-01T09:00:00',
			recurrence: { rule: { type: 'weekly', weeklyDays: ['tuesday', 'thursday'], endTimes: 8 } },
		});
		expect(weekly).toMatchObject({ start_time: '2026-12-01 22:00:00', weekly_days: '2,4' });
		const daily = form({
			...newYork,
			startTime: '2026-12-01T09:00:00',
			recurrence: { rule: { type: 'daily', dailyType: 'weekdays', endTimes: 8 } },
		});
		expect(daily).toMatchObject({ recurrence_type: '1', daily_type: '2' });
	});

	test('Tokyo 08:00 is 07:00 the same day in Shanghai: nothing moves', () => {
		const sent = form({
			timeZone: 'Asia/Tokyo',
			serviceTimeZone: 'Asia/Shanghai',
			startTime: '2026-12-01T08:00:00',
			recurrence: { rule: { type: 'weekly', weeklyDays: ['tuesday', 'thursday'], endTimes: 8 } },
		});
		expect(sent).toMatchObject({ start_time: '2026-12-01 07:00:00', weekly_days: '2,4' });
	});

	test('Shanghai 07:00 is the evening before in New York: Monday moves back to Sunday', () => {
		const winter = form({
			timeZone: 'Asia/Shanghai',
			serviceTimeZone: 'America/New_York',
			startTime: '2026-12-07T07:00:00', // a Monday
			recurrence: { rule: { type: 'weekly', weeklyDays: ['monday'], endTimes: 4 } },
		});
		expect(winter).toMatchObject({ start_time: '2026-12-06 18:00:00', weekly_days: '7' });
		const summer = form({
			timeZone: 'Asia/Shanghai',
			serviceTimeZone: 'America/New_York',
			startTime: '2026-06-01T07:00:00', // a Monday
			recurrence: { rule: { type: 'weekly', weeklyDays: ['monday', 'friday'], endTimes: 4 } },
		});
		expect(summer).toMatchObject({ start_time: '2026-05-31 19:00:00', weekly_days: '4,7' });
	});
});

describe('monthly rules', () => {
	test('day 15 at 21:00 in New York is day 16 in Shanghai', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-15T21:00:00',
			recurrence: { rule: { type: 'monthlyDay', monthlyDay: 15, endTimes: 3 } },
		});
		expect(sent).toMatchObject({
			start_time: '2026-12-16 10:00:00',
			recurrence_type: '3',
			monthly_day: '16',
		});
	});

	test('day 28 moved back to 27 is still in every month', () => {
		const sent = form({
			timeZone: 'Asia/Shanghai',
			serviceTimeZone: 'America/New_York',
			startTime: '2026-12-28T07:00:00',
			recurrence: { rule: { type: 'monthlyDay', monthlyDay: 28, endTimes: 3 } },
		});
		expect(sent).toMatchObject({ monthly_day: '27' });
	});

	test.each([
		[28, 'America/New_York', 'Asia/Shanghai', '2026-12-28T21:00:00'],
		[31, 'America/New_York', 'Asia/Shanghai', '2026-12-31T21:00:00'],
		[30, 'America/New_York', 'Asia/Shanghai', '2026-11-30T21:00:00'],
		[1, 'Asia/Shanghai', 'America/New_York', '2026-12-01T07:00:00'],
		[31, 'Asia/Shanghai', 'America/New_York', '2026-12-31T07:00:00'],
	])(
		'day %i moved to another date (%s → %s) is refused, naming the Recurrence field',
		(day, item, service, start) => {
			const parameters = {
				timeZone: item,
				serviceTimeZone: service,
				startTime: start,
				recurrence: { rule: { type: 'monthlyDay', monthlyDay: day, endTimes: 3 } },
			};
			expect(issuePath(parameters)).toBe('recurrence.rule.monthlyDay');
			const message = refusal(parameters);
			expect(message).toMatch(/^Invalid input in item 0: "Recurrence\b[^"]*Day of the Month" /);
			expect(message).toMatch(/service's time zone/);
		},
	);

	test('day 31 on the same date in both zones is sent as it is', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-31T09:00:00',
			recurrence: { rule: { type: 'monthlyDay', monthlyDay: 31, endTimes: 3 } },
		});
		expect(sent).toMatchObject({ monthly_day: '31' });
	});

	test('the Nth weekday moved to another date is refused, naming the Recurrence field', () => {
		const parameters = {
			...newYork,
			startTime: '2026-12-08T21:00:00', // the second Tuesday
			recurrence: {
				rule: { type: 'monthlyWeekday', monthlyWeek: 2, monthlyWeekDay: 'tuesday', endTimes: 3 },
			},
		};
		expect(issuePath(parameters)).toBe('recurrence.rule.monthlyWeekDay');
		expect(refusal(parameters)).toMatch(/^Invalid input in item 0: "Recurrence\b[^"]*Weekday" /);
	});

	test('the Nth weekday on the same date in both zones is sent as it is', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-08T09:00:00',
			recurrence: {
				rule: { type: 'monthlyWeekday', monthlyWeek: 2, monthlyWeekDay: 'tuesday', endTimes: 3 },
			},
		});
		expect(sent).toMatchObject({ recurrence_type: '3', monthly_week: '2', monthly_week_day: '2' });
	});
});

describe('the meetings the service books are the ones the person picked', () => {
	// Each series stays within one daylight-saving period of both zones: see the property below.
	test('Tuesday and Thursday at 21:00 New York time, every week until March', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-01T21:00:00',
			recurrence: {
				rule: {
					type: 'weekly',
					weeklyDays: ['tuesday', 'thursday'],
					endBy: 'date',
					endDateTime: '2027-03-05T00:00:00',
				},
			},
		});
		const meetings = meetingsInItemZone(sent, 'America/New_York', 'Asia/Shanghai');
		expect(meetings).toHaveLength(28);
		for (const meeting of meetings) {
			expect(['tuesday', 'thursday']).toContain(LUXON_WEEKDAY[meeting.weekday]);
			expect(meeting.toFormat('HH:mm:ss')).toBe('21:00:00');
		}
		expect(meetings[0].toISO()).toBe('2026-12-01T21:00:00.000-05:00');
		expect(meetings[meetings.length - 1].toISO()).toBe('2027-03-04T21:00:00.000-05:00');
	});

	test('Sunday at 21:00 New York time', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-06T21:00:00',
			recurrence: { rule: { type: 'weekly', weeklyDays: ['sunday'], endTimes: 12 } },
		});
		const meetings = meetingsInItemZone(sent, 'America/New_York', 'Asia/Shanghai');
		expect(meetings).toHaveLength(12);
		for (const meeting of meetings) {
			expect(meeting.weekday).toBe(7);
			expect(meeting.toFormat('HH:mm')).toBe('21:00');
		}
	});

	test('weekdays at 21:00 New York time: Monday to Friday, never a weekend', () => {
		const sent = form({
			...newYork,
			startTime: '2026-12-01T21:00:00',
			recurrence: { rule: { type: 'daily', dailyType: 'weekdays', endTimes: 60 } },
		});
		const meetings = meetingsInItemZone(sent, 'America/New_York', 'Asia/Shanghai');
		expect(meetings).toHaveLength(60);
		for (const meeting of meetings) {
			expect(meeting.weekday).toBeLessThanOrEqual(5);
			expect(meeting.toFormat('HH:mm')).toBe('21:00');
		}
		// Sixty weekdays in a row: twelve whole weeks from Tuesday 1 December, the last a Monday.
		expect(meetings[59].toISODate()).toBe('2027-02-22');
	});

	test('day 15 at 21:00 New York time, May to October', () => {
		const sent = form({
			...newYork,
			startTime: '2026-05-15T21:00:00',
			recurrence: { rule: { type: 'monthlyDay', monthlyDay: 15, endTimes: 6 } },
		});
		expect(sent).toMatchObject({ start_time: '2026-05-16 09:00:00', monthly_day: '16' });
		const meetings = meetingsInItemZone(sent, 'America/New_York', 'Asia/Shanghai');
		expect(meetings.map((meeting) => meeting.toFormat('yyyy-MM-dd HH:mm'))).toEqual([
			'2026-05-15 21:00',
			'2026-06-15 21:00',
			'2026-07-15 21:00',
			'2026-08-15 21:00',
			'2026-09-15 21:00',
			'2026-10-15 21:00',
		]);
	});

	test('Monday at 07:00 Shanghai time, booked on Sundays in New York', () => {
		const sent = form({
			timeZone: 'Asia/Shanghai',
			serviceTimeZone: 'America/New_York',
			startTime: '2026-12-07T07:00:00',
			recurrence: { rule: { type: 'weekly', weeklyDays: ['monday'], endTimes: 10 } },
		});
		const meetings = meetingsInItemZone(sent, 'Asia/Shanghai', 'America/New_York');
		expect(meetings).toHaveLength(10);
		for (const meeting of meetings) {
			expect(meeting.weekday).toBe(1);
			expect(meeting.toFormat('HH:mm')).toBe('07:00');
		}
	});
});

describe('property: seen from the item zone, the series is the one the person would book there', () => {
	const zone = fc.constantFrom(
		'Asia/Shanghai',
		'America/New_York',
		'Europe/Berlin',
		'Pacific/Chatham',
		'Etc/UTC',
		'Asia/Tokyo',
	);
	const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
	const rule = fc.oneof(
		fc.record({ type: fc.constant('daily' as const), dailyType: fc.constantFrom('everyDay', 'weekdays') }),
		fc.record({
			type: fc.constant('weekly' as const),
			weeklyDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
		}),
		fc.record({ type: fc.constant('monthlyDay' as const), monthlyDay: fc.integer({ min: 1, max: 31 }) }),
		fc.record({
			type: fc.constant('monthlyWeekday' as const),
			monthlyWeek: fc.integer({ min: 1, max: 5 }),
			monthlyWeekDay: fc.integer({ min: 1, max: 7 }),
		}),
	);
	type Picked = typeof rule extends fc.Arbitrary<infer T> ? T : never;
	const start = fc
		.integer({ min: 0, max: 2 * 365 * 24 * 4 })
		.map((quarters) => DateTime.fromISO('2026-01-01T00:00:00Z').plus({ minutes: quarters * 15 }));

	/** The person's rule as a service in the item zone would read it. */
	function asPicked(r: Picked): Recurrence {
		switch (r.type) {
			case 'daily':
				return { type: 1, dailyType: r.dailyType === 'weekdays' ? 2 : 1 };
			case 'weekly':
				return { type: 2, weeklyDays: r.weeklyDays };
			case 'monthlyDay':
				return { type: 3, monthlyDay: r.monthlyDay };
			default:
				return { type: 3, monthlyWeek: r.monthlyWeek, monthlyWeekDay: r.monthlyWeekDay };
		}
	}

	const dateDiff = (a: DateTime, b: DateTime) =>
		Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000);

	test('every meeting falls on a picked day at the picked time, and none is missing', () => {
		let compared = 0;
		let shifted = 0;
		let refusedShift = 0;
		fc.assert(
			fc.property(
				start,
				zone,
				zone,
				rule,
				fc.integer({ min: 1, max: 40 }),
				(at, item, service, picked, endTimes) => {
					const result = parse({
						timeZone: item,
						serviceTimeZone: service,
						startTime: at.toISO(),
						recurrence: {
							rule: {
								...picked,
								...(picked.type === 'weekly'
									? { weeklyDays: picked.weeklyDays.map((d) => weekdays[d - 1]) }
									: {}),
								endTimes,
							},
						},
					});
					const shift = dateDiff(at.setZone(service), at.setZone(item));
					if (!result.success) {
						const issue = result.error.issues[0];
						if (issue.path[0] === 'startTime') {
							expect(issue.message).toMatch(/repeats/);
							return;
						}
						// Only a monthly rule the service's calendar cannot say is refused.
						refusedShift++;
						expect(shift).not.toBe(0);
						if (picked.type === 'monthlyDay') {
							expect(issue.path.join('.')).toBe('recurrence.rule.monthlyDay');
							const day = picked.monthlyDay;
							expect(day > 28 || day + shift < 1 || day + shift > 28).toBe(true);
						} else {
							expect(picked.type).toBe('monthlyWeekday');
							expect(issue.path.join('.')).toBe('recurrence.rule.monthlyWeekDay');
						}
						return;
					}
					if (shift !== 0) shifted++;
					const sent = result.data.form;
					// The service's series, shown in the item zone.
					const texts = occurrences(sent.start_time, parseRecurrence(sent, sent.start_time)!, 100);
					const booked = texts.map((text) => DateTime.fromFormat(text, FORMAT, { zone: service }));
					// The series the person picked, on a service that ran in the item zone.
					const startHere = at.setZone(item).toFormat(FORMAT);
					const wanted = occurrences(startHere, { ...asPicked(picked), endTimes }, 100);
					expect(booked).toHaveLength(wanted.length);
					// The service repeats at one wall time of its zone: while neither zone changes its
					// offset, that is one wall time of the item zone too. Compare up to the first change.
					const gap = (instant: DateTime) => instant.setZone(item).offset - instant.setZone(service).offset;
					const startGap = gap(at);
					for (let n = 0; n < booked.length; n++) {
						if (!booked[n].isValid || gap(booked[n]) !== startGap) break;
						// A text in the service zone's DST gap would not read back as itself.
						if (booked[n].toFormat(FORMAT) !== texts[n]) break;
						expect(booked[n].setZone(item).toFormat(FORMAT)).toBe(wanted[n]);
						compared++;
					}
				},
			),
			{ numRuns: 2000 },
		);
		// The generators must reach shifted series, refusals and long comparisons.
		expect(shifted).toBeGreaterThan(200);
		expect(refusedShift).toBeGreaterThan(50);
		expect(compared).toBeGreaterThan(10_000);
	});
});
