import { DateTime } from 'luxon';

import { scheduleSchema } from '../../nodes/UMeeting/actions/meeting/schedule.schema';
import { utf8Length } from '../../nodes/UMeeting/helpers/fieldSchemas';

// Item zone and service zone the same: the texts are sent as written. Tests with other zones say so.
const base = {
	topic: 'Design review',
	meetingCapacity: 8,
	startTime: '2026-12-01T10:00:00',
	duration: 45,
	timeZone: 'Asia/Shanghai',
	workflowTimeZone: 'Europe/Paris',
	serviceTimeZone: 'Asia/Shanghai',
};

function parse(overrides: Record<string, unknown>) {
	return scheduleSchema.safeParse({ ...base, ...overrides });
}

function parsed(overrides: Record<string, unknown> = {}) {
	const result = parse(overrides);
	if (!result.success) throw new Error(JSON.stringify(result.error.issues));
	return result.data;
}

function body(overrides: Record<string, unknown> = {}) {
	return parsed(overrides).form;
}

/** The instant the service will take a sent text for, read in the service zone. */
function instantOf(text: string, serviceZone: string): number {
	const read = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone: serviceZone });
	if (!read.isValid) throw new Error(`"${text}" is not a service time`);
	return read.toMillis();
}

function issue(overrides: Record<string, unknown>) {
	const result = parse(overrides);
	if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
	return { path: result.error.issues[0].path.join('.'), message: result.error.issues[0].message };
}

describe('required fields', () => {
	test('map to the wire names as decimal strings and service time', () => {
		expect(body()).toEqual({
			topic: 'Design review',
			meeting_capacity: '8',
			start_time: '2026-12-01 10:00:00',
			duration: '45',
		});
	});

	test('numbers given as digit strings by an expression are accepted', () => {
		expect(body({ meetingCapacity: '12', duration: ' 60 ' })).toMatchObject({
			meeting_capacity: '12',
			duration: '60',
		});
	});

	test.each([
		[{ topic: '' }, 'topic', /required/],
		[{ topic: '   ' }, 'topic', /required/],
		[{ topic: { text: 'x' } }, 'topic', /must be text \(got an object\)/],
		[{ meetingCapacity: 0 }, 'meetingCapacity', /at least 1 \(got 0\)/],
		[{ meetingCapacity: 2.5 }, 'meetingCapacity', /whole number/],
		[{ meetingCapacity: 'ten' }, 'meetingCapacity', /whole number \(got "ten"\)/],
		[{ meetingCapacity: '' }, 'meetingCapacity', /required/],
		[{ duration: 30 }, 'duration', /greater than 30 \(got 30\)/],
		[{ duration: -5 }, 'duration', /greater than 30/],
		[{ startTime: '' }, 'startTime', /required/],
		[{ startTime: 'next monday' }, 'startTime', /must be a date and time/],
		[
			{ timeZone: 'Mars/Olympus' },
			'timeZone',
			/IANA time zone such as "Asia\/Shanghai" \(got "Mars\/Olympus"\)/,
		],
		[{ timeZone: 8 }, 'timeZone', /IANA time zone.*\(got number 8\)/],
	])('%j is refused at %s', (overrides, path, message) => {
		const found = issue(overrides);
		expect(found.path).toBe(path);
		expect(found.message).toMatch(message);
	});

	test('a blank time zone means the workflow zone', () => {
		// 10:00 in Paris is 09:00 UTC, 17:00 in Shanghai.
		for (const timeZone of ['', undefined, null]) {
			const result = parsed({ timeZone, startTime: '2026-12-01T10:00:00' });
			expect(result.zones).toEqual({ item: 'Europe/Paris', service: 'Asia/Shanghai' });
			expect(result.form.start_time).toBe('2026-12-01 17:00:00');
			expect(instantOf(result.form.start_time, 'Asia/Shanghai')).toBe(Date.parse('2026-12-01T09:00:00Z'));
		}
		expect(parsed({ timeZone: 'America/New_York' }).zones).toEqual({
			item: 'America/New_York',
			service: 'Asia/Shanghai',
		});
	});

	test.each([
		[{ workflowTimeZone: undefined }, 'workflowTimeZone'],
		[{ serviceTimeZone: undefined }, 'serviceTimeZone'],
	])('%j is refused at %s', (overrides, path) => {
		expect(issue(overrides).path).toBe(path);
	});

	test('duration 31 is the smallest accepted', () => {
		expect(body({ duration: 31 }).duration).toBe('31');
	});

	test('numeric topic from an expression is sent as text', () => {
		expect(body({ topic: 2027 }).topic).toBe('2027');
	});
});

describe('start time: meant in the item zone, written in the service zone', () => {
	const newYork = { timeZone: 'America/New_York', serviceTimeZone: 'Asia/Shanghai' };

	test('a wall time in New York is the same instant in Shanghai', () => {
		const result = parsed({ ...newYork, startTime: '2026-12-01T09:30:00' });
		expect(result.zones).toEqual({ item: 'America/New_York', service: 'Asia/Shanghai' });
		expect(result.form.start_time).toBe('2026-12-01 22:30:00');
		expect(instantOf(result.form.start_time, 'Asia/Shanghai')).toBe(Date.parse('2026-12-01T14:30:00Z'));
		// An evening in New York is the next morning in Shanghai.
		expect(body({ ...newYork, startTime: '2026-12-01 21:00:00' }).start_time).toBe('2026-12-02 10:00:00');
	});

	test('text with an offset is the same instant whatever the item zone', () => {
		for (const timeZone of ['America/New_York', 'Asia/Shanghai', 'Europe/Berlin', 'Pacific/Chatham', '']) {
			const form = body({
				timeZone,
				serviceTimeZone: 'Asia/Shanghai',
				startTime: '2026-12-01T09:30:00-05:00',
			});
			expect(form.start_time).toBe('2026-12-01 22:30:00');
		}
	});

	test('a Luxon DateTime and a JS Date are instants', () => {
		const dateTime = DateTime.fromISO('2026-12-01T09:30:00', { zone: 'America/New_York' });
		expect(
			body({ timeZone: 'Europe/Berlin', serviceTimeZone: 'Asia/Shanghai', startTime: dateTime }).start_time,
		).toBe('2026-12-01 22:30:00');
		const date = new Date('2026-12-01T14:30:00Z');
		expect(
			body({ timeZone: 'Europe/Berlin', serviceTimeZone: 'Asia/Shanghai', startTime: date }).start_time,
		).toBe('2026-12-01 22:30:00');
		expect(
			body({ timeZone: 'Asia/Shanghai', serviceTimeZone: 'America/New_York', startTime: date }).start_time,
		).toBe('2026-12-01 09:30:00');
	});

	test('a wall time the item zone skips for daylight saving is refused', () => {
		expect(issue({ ...newYork, startTime: '2026-03-08 02:30:00' })).toEqual({
			path: 'startTime',
			message: expect.stringMatching(/does not exist in America\/New_York/),
		});
	});

	test('service zone Europe/Berlin, spring: an instant after the clocks skip an hour just has a later text', () => {
		const berlin = { timeZone: 'Asia/Shanghai', serviceTimeZone: 'Europe/Berlin' };
		expect(body({ ...berlin, startTime: '2026-03-29T00:30:00Z' }).start_time).toBe('2026-03-29 01:30:00');
		const after = body({ ...berlin, startTime: '2026-03-29T01:30:00Z' }).start_time;
		expect(after).toBe('2026-03-29 03:30:00');
		expect(instantOf(after, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T01:30:00Z'));
	});

	test('service zone Europe/Berlin, autumn: the first of the two 02:30 instants is refused, the second accepted', () => {
		const berlin = { timeZone: 'Asia/Shanghai', serviceTimeZone: 'Europe/Berlin' };
		expect(issue({ ...berlin, startTime: '2026-10-25T00:30:00Z' })).toEqual({
			path: 'startTime',
			message: expect.stringMatching(/repeats in the service's time zone Europe\/Berlin/),
		});
		const second = body({ ...berlin, startTime: '2026-10-25T01:30:00Z' }).start_time;
		expect(second).toBe('2026-10-25 02:30:00');
		expect(instantOf(second, 'Europe/Berlin')).toBe(Date.parse('2026-10-25T01:30:00Z'));
	});
});

describe('additional fields', () => {
	test('every field maps to its documented parameter', () => {
		expect(
			body({
				additionalFields: {
					password: 'p@ss 1',
					userKey: 'crm-42',
					muteUponEntry: true,
					usePmi: false,
					hostVideo: true,
					participantsVideo: false,
					recording: 'cloud',
					hostName: 'Li Wei',
					allowLiveStreaming: true,
					waitingRoom: false,
					enableWebinar: false,
				},
			}),
		).toEqual({
			topic: 'Design review',
			meeting_capacity: '8',
			start_time: '2026-12-01 10:00:00',
			duration: '45',
			password: 'p@ss 1',
			user_key: 'crm-42',
			mute_upon_entry: 'true',
			use_pmi: 'false',
			option_host_video: 'true',
			option_participants_video: 'false',
			recording: 'cloud',
			host_name: 'Li Wei',
			allow_live_streaming: 'true',
			waiting_room: 'false',
			enable_webinar: 'false',
		});
	});

	test('an explicit false is sent; an unset flag is not', () => {
		const form = body({ additionalFields: { muteUponEntry: false } });
		expect(form.mute_upon_entry).toBe('false');
		expect(form).not.toHaveProperty('waiting_room');
	});

	test('flags given as "true"/"false" strings by expressions are accepted', () => {
		expect(body({ additionalFields: { waitingRoom: 'true' } }).waiting_room).toBe('true');
		expect(issue({ additionalFields: { waitingRoom: 'yes' } })).toEqual({
			path: 'additionalFields.waitingRoom',
			message: 'must be true or false (got "yes")',
		});
	});

	test('empty text fields are left out', () => {
		const form = body({ additionalFields: { password: '', hostName: '', userKey: '' } });
		expect(Object.keys(form)).toEqual(['topic', 'meeting_capacity', 'start_time', 'duration']);
	});

	test('user key is limited to 200 bytes of UTF-8, not 200 characters', () => {
		const chinese66 = '会'.repeat(66);
		expect(utf8Length(`${chinese66}ab`)).toBe(200);
		expect(body({ additionalFields: { userKey: `${chinese66}ab` } }).user_key).toBe(`${chinese66}ab`);
		expect(issue({ additionalFields: { userKey: `${chinese66}abc` } })).toEqual({
			path: 'additionalFields.userKey',
			message: 'must be at most 200 bytes in UTF-8 (got 201 bytes; a Chinese character takes 3)',
		});
		expect(body({ additionalFields: { userKey: 'a'.repeat(200) } }).user_key).toHaveLength(200);
		expect(issue({ additionalFields: { userKey: '😀'.repeat(51) } }).message).toMatch(/got 204 bytes/);
	});

	test('recording accepts only cloud or none', () => {
		expect(body({ additionalFields: { recording: 'none' } }).recording).toBe('none');
		expect(issue({ additionalFields: { recording: 'local' } }).message).toMatch(/"cloud", "none"/);
	});

	test('webinars refuse the features the manual says they lack', () => {
		for (const name of [
			'muteUponEntry',
			'hostVideo',
			'participantsVideo',
			'allowLiveStreaming',
			'waitingRoom',
		]) {
			expect(issue({ additionalFields: { enableWebinar: true, [name]: true } })).toEqual({
				path: `additionalFields.${name}`,
				message: 'is not available for webinars: remove it or turn off Enable Webinar',
			});
		}
		expect(
			body({ additionalFields: { enableWebinar: true, recording: 'cloud', muteUponEntry: false } }),
		).toMatchObject({
			enable_webinar: 'true',
			recording: 'cloud',
			mute_upon_entry: 'false',
		});
	});

	test('an unknown field is refused rather than dropped', () => {
		expect(issue({ additionalFields: { colour: 'blue' } }).message).toMatch(/Unrecognized key/);
	});
});

describe('recurrence', () => {
	const rule = (r: Record<string, unknown>) => ({ recurrence: { rule: r } });

	test('no recurrence sends no recurrence field', () => {
		expect(body({ recurrence: {} })).not.toHaveProperty('recurrence_type');
	});

	test('daily, every day or weekdays', () => {
		expect(body(rule({ type: 'daily', dailyType: 'everyDay', endBy: 'times', endTimes: 5 }))).toMatchObject({
			recurrence_type: '1',
			daily_type: '1',
			end_times: '5',
		});
		expect(body(rule({ type: 'daily', dailyType: 'weekdays', endTimes: 3 }))).toMatchObject({
			daily_type: '2',
		});
	});

	test('weekly days are numbered 1 Monday to 7 Sunday, sorted and unique', () => {
		const form = body(
			rule({ type: 'weekly', weeklyDays: ['wednesday', 'monday', 'sunday', 'monday'], endTimes: 4 }),
		);
		expect(form).toMatchObject({ recurrence_type: '2', weekly_days: '1,3,7' });
		expect(body(rule({ type: 'weekly', weeklyDays: '5,2', endTimes: 2 })).weekly_days).toBe('2,5');
		expect(issue(rule({ type: 'weekly', weeklyDays: [], endTimes: 2 })).message).toBe(
			'needs at least one weekday',
		);
		expect(issue(rule({ type: 'weekly', weeklyDays: ['funday'], endTimes: 2 })).path).toBe(
			'recurrence.rule.weeklyDays.0',
		);
	});

	test('monthly on a day sends only monthly_day', () => {
		const form = body(rule({ type: 'monthlyDay', monthlyDay: 31, endTimes: 6 }));
		expect(form).toMatchObject({ recurrence_type: '3', monthly_day: '31' });
		expect(form).not.toHaveProperty('monthly_week');
		expect(issue(rule({ type: 'monthlyDay', monthlyDay: 32, endTimes: 6 })).message).toMatch(
			/between 1 and 31/,
		);
		expect(issue(rule({ type: 'monthlyDay', monthlyDay: 0, endTimes: 6 })).message).toMatch(
			/between 1 and 31/,
		);
	});

	test('monthly on a weekday sends week and weekday only', () => {
		const form = body(
			rule({ type: 'monthlyWeekday', monthlyWeek: 2, monthlyWeekDay: 'tuesday', endTimes: 6 }),
		);
		expect(form).toMatchObject({ recurrence_type: '3', monthly_week: '2', monthly_week_day: '2' });
		expect(form).not.toHaveProperty('monthly_day');
		expect(
			issue(rule({ type: 'monthlyWeekday', monthlyWeek: 6, monthlyWeekDay: 'monday', endTimes: 6 })).message,
		).toMatch(/between 1 and 5/);
		expect(
			issue(rule({ type: 'monthlyWeekday', monthlyWeek: 1, monthlyWeekDay: 8, endTimes: 6 })).message,
		).toMatch(/1 \(Monday\) to 7 \(Sunday\)/);
	});

	test('ends after N occurrences (at least 1) or on a date after the start, never both', () => {
		expect(issue(rule({ type: 'daily', endBy: 'times', endTimes: 0 }))).toEqual({
			path: 'recurrence.rule.endTimes',
			message: 'must be at least 1 (got 0)',
		});
		const byDate = body(
			rule({ type: 'daily', endBy: 'date', endTimes: 9, endDateTime: '2026-12-20T18:00:00' }),
		);
		expect(byDate).toMatchObject({ end_date_time: '2026-12-20 18:00:00' });
		expect(byDate).not.toHaveProperty('end_times');
		expect(issue(rule({ type: 'daily', endBy: 'date', endDateTime: '2026-11-30T10:00:00' }))).toEqual({
			path: 'recurrence.rule.endDateTime',
			message: 'must be after the start time 2026-12-01 10:00:00 (got 2026-11-30 10:00:00)',
		});
		expect(issue(rule({ type: 'daily', endBy: 'date', endDateTime: '' })).message).toBe('is required');
	});

	test('an end date with an offset is converted into the same zone as the start', () => {
		expect(
			body({
				timeZone: 'America/New_York',
				serviceTimeZone: 'America/New_York',
				...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-12-10T00:00:00Z' }),
			}).end_date_time,
		).toBe('2026-12-09 19:00:00');
		expect(
			body({
				timeZone: 'America/New_York',
				serviceTimeZone: 'Asia/Shanghai',
				...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-12-10T00:00:00Z' }),
			}).end_date_time,
		).toBe('2026-12-10 08:00:00');
	});

	test('an end date without an offset is meant in the item zone, like the start', () => {
		const form = body({
			timeZone: 'America/New_York',
			serviceTimeZone: 'Asia/Shanghai',
			startTime: '2026-12-01T09:30:00',
			...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-12-10T21:00:00' }),
		});
		expect(form).toMatchObject({ start_time: '2026-12-01 22:30:00', end_date_time: '2026-12-11 10:00:00' });
		expect(instantOf(form.end_date_time, 'Asia/Shanghai')).toBe(Date.parse('2026-12-11T02:00:00Z'));
	});

	test('the end is compared with the start as instants', () => {
		const newYork = {
			timeZone: 'America/New_York',
			serviceTimeZone: 'Asia/Shanghai',
			startTime: '2026-12-01T21:00:00',
		};
		// The same instant as the start, written with another offset, is not after it.
		expect(
			issue({
				...newYork,
				...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-12-02T10:00:00+08:00' }),
			}),
		).toEqual({
			path: 'recurrence.rule.endDateTime',
			message: 'must be after the start time 2026-12-02 10:00:00 (got 2026-12-02 10:00:00)',
		});
		expect(
			body({ ...newYork, ...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-12-01T21:01:00' }) })
				.end_date_time,
		).toBe('2026-12-02 10:01:00');
	});

	test('an end date in the repeated hour of the service zone is refused like a start', () => {
		expect(
			issue({
				timeZone: 'Asia/Shanghai',
				serviceTimeZone: 'Europe/Berlin',
				startTime: '2026-10-01T10:00:00',
				...rule({ type: 'daily', endBy: 'date', endDateTime: '2026-10-25T00:30:00Z' }),
			}),
		).toEqual({ path: 'recurrence.rule.endDateTime', message: expect.stringMatching(/repeats/) });
	});

	test('an unknown repeat type is named', () => {
		expect(issue(rule({ type: 'yearly', endTimes: 1 }))).toEqual({
			path: 'recurrence.rule.type',
			message: 'must be one of "daily", "weekly", "monthlyDay", "monthlyWeekday"',
		});
	});
});
