import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';

import {
	buildInvitation,
	firstMeetingOf,
	type InvitationInput,
	invitationSequence,
} from '../../nodes/UMeeting/helpers/ics';
import { nextInvitationStamp } from '../../nodes/UMeeting/actions/meeting/shared/invitationStamp';
import { OCCURRENCE_CAP, parseRecurrence } from '../simulator/endpoints/recurrenceForm';
import { occurrences } from '../simulator/recurrence';

/**
 * The invitation is checked with a real iCalendar parser (ical.js): every value, instant and
 * recurrence is read back from the file and compared with values computed independently (Luxon for
 * instants, the UMeeting simulator for the meetings of a series). Run with TZ=Pacific/Chatham, so a
 * time read in the machine's zone instead of the file's VTIMEZONE shows up as a wrong instant.
 */

const WALL = 'yyyy-MM-dd HH:mm:ss';
const STAMP = new Date('2026-05-20T10:00:00.000Z');

function input(overrides: Partial<InvitationInput> = {}): InvitationInput {
	return {
		method: 'PUBLISH',
		meetingId: '987654321',
		topic: 'Quarterly review',
		joinUrl: 'https://meet.umeeting.example/j/987654321?pwd=Zx81',
		password: '482913',
		organizer: { email: 'host@example.com', name: 'Li Wei' },
		start: '2026-06-01 09:00:00',
		serviceZone: 'Asia/Shanghai',
		durationMinutes: 45,
		sequence: 7,
		stamp: STAMP,
		...overrides,
	};
}

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vevents = calendar.getAllSubcomponents('vevent');
	expect(vevents).toHaveLength(1);
	return { calendar, vevent: vevents[0], event: new ICAL.Event(vevents[0]) };
}

/** The instant an ical.js time stands for, in epoch milliseconds. */
const instantOf = (time: InstanceType<typeof ICAL.Time>) => time.toUnixTime() * 1000;

/** The instant of a service wall text, computed by Luxon (only for times that exist exactly once). */
function luxonInstant(text: string, zone: string): number {
	const time = DateTime.fromFormat(text, WALL, { zone });
	expect(time.isValid).toBe(true);
	expect(time.toFormat(WALL)).toBe(text);
	return time.toMillis();
}

const wallText = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat(WALL);

/** The series' meetings as ical.js expands the file, written as wall texts in the service zone. */
function expand(ics: string, zone: string, max = 1000): string[] {
	const { event } = parse(ics);
	const iterator = event.iterator();
	const result: string[] = [];
	for (let next = iterator.next(); next && result.length < max; next = iterator.next()) {
		result.push(wallText(instantOf(next), zone));
	}
	return result;
}

/** The simulator's meetings for the same form and start. */
function simulated(form: Record<string, string>, start: string): string[] {
	return occurrences(start, parseRecurrence(form, start)!, OCCURRENCE_CAP);
}

function physicalLines(ics: string): string[] {
	expect(ics.endsWith('\r\n')).toBe(true);
	const lines = ics.slice(0, -2).split('\r\n');
	for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
	return lines;
}

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('buildInvitation: a single meeting', () => {
	test('the calendar and event properties read back through ical.js', () => {
		const ics = buildInvitation(input());
		const { calendar, vevent, event } = parse(ics);

		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//n8n-nodes-umeeting//UMeeting invitation//EN');
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');

		expect(event.uid).toBe('987654321@umeeting');
		expect(event.sequence).toBe(7);
		expect(event.summary).toBe('Quarterly review');
		expect(event.location).toBe('https://meet.umeeting.example/j/987654321?pwd=Zx81');
		expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.umeeting.example/j/987654321?pwd=Zx81');
		expect(event.description).toBe(
			'Join the meeting: https://meet.umeeting.example/j/987654321?pwd=Zx81\n' +
				'Meeting number: 987654321\nPassword: 482913',
		);
		expect(vevent.getFirstPropertyValue('status')).toBeNull();
		expect(vevent.getFirstPropertyValue('rrule')).toBeNull();
		expect(vevent.getFirstPropertyValue('recurrence-id')).toBeNull();
		expect(event.isRecurring()).toBe(false);

		const stamp = vevent.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
		expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
		expect(instantOf(stamp)).toBe(STAMP.getTime());
	});

	test('Asia/Shanghai: DTSTART carries the TZID, a one-block VTIMEZONE, and the right instants', () => {
		const ics = buildInvitation(input({ start: '2026-06-01 07:00:00', durationMinutes: 90 }));
		expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260601T070000\r\n');
		expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20260601T083000\r\n');

		const { calendar, event } = parse(ics);
		const zones = calendar.getAllSubcomponents('vtimezone');
		expect(zones).toHaveLength(1);
		expect(zones[0].getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
		expect(zones[0].getAllSubcomponents('standard')).toHaveLength(1);
		expect(zones[0].getAllSubcomponents('daylight')).toHaveLength(0);
		expect(zones[0].getFirstSubcomponent('standard')!.getFirstPropertyValue('tzoffsetto')!.toString()).toBe(
			'+08:00',
		);

		const start = luxonInstant('2026-06-01 07:00:00', 'Asia/Shanghai');
		expect(new Date(start).toISOString()).toBe('2026-05-31T23:00:00.000Z');
		expect(instantOf(event.startDate)).toBe(start);
		expect(instantOf(event.endDate)).toBe(start + 90 * 60_000);
	});

	test.each([
		// Spring forward in Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
		['2026-03-29 01:30:00', 60, '2026-03-29T00:30:00.000Z', 'DTEND;TZID=Europe/Berlin:20260329T033000'],
		['2026-03-29 03:30:00', 60, '2026-03-29T01:30:00.000Z', 'DTEND;TZID=Europe/Berlin:20260329T043000'],
		['2026-03-28 22:00:00', 300, '2026-03-28T21:00:00.000Z', 'DTEND;TZID=Europe/Berlin:20260329T040000'],
		// Fall back: 2026-10-25 03:00 CEST becomes 02:00 CET, so 02:00-02:59 happen twice. An end in
		// that hour is written in UTC: the wall time alone is read differently by different parsers.
		['2026-10-25 01:30:00', 60, '2026-10-24T23:30:00.000Z', 'DTEND:20261025T003000Z'],
		['2026-10-25 01:30:00', 90, '2026-10-24T23:30:00.000Z', 'DTEND:20261025T010000Z'],
		['2026-10-25 03:30:00', 60, '2026-10-25T02:30:00.000Z', 'DTEND;TZID=Europe/Berlin:20261025T043000'],
		['2026-10-24 23:00:00', 300, '2026-10-24T21:00:00.000Z', 'DTEND;TZID=Europe/Berlin:20261025T030000'],
	])('Europe/Berlin near DST: start %s for %i minutes', (start, minutes, utcStart, dtend) => {
		const ics = buildInvitation(input({ start, serviceZone: 'Europe/Berlin', durationMinutes: minutes }));
		expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${start.replace(/[-:]/g, '').replace(' ', 'T')}\r\n`);
		expect(ics).toContain(`${dtend}\r\n`);
		const { event } = parse(ics);
		const expected = luxonInstant(start, 'Europe/Berlin');
		expect(new Date(expected).toISOString()).toBe(utcStart);
		expect(instantOf(event.startDate)).toBe(expected);
		expect(instantOf(event.endDate)).toBe(expected + (minutes as number) * 60_000);
	});

	test('the Berlin VTIMEZONE lists the offset changes in the span, as STANDARD and DAYLIGHT', () => {
		const ics = buildInvitation(
			input({ start: '2026-03-28 22:00:00', serviceZone: 'Europe/Berlin', durationMinutes: 300 }),
		);
		const zone = parse(ics).calendar.getFirstSubcomponent('vtimezone')!;
		const blocks = zone
			.getAllSubcomponents()
			.map((block) => [
				block.name,
				block.getFirstPropertyValue('dtstart')!.toString(),
				block.getFirstPropertyValue('tzoffsetfrom')!.toString(),
				block.getFirstPropertyValue('tzoffsetto')!.toString(),
			]);
		expect(blocks).toEqual([
			['standard', '2026-03-21T22:00:00', '+01:00', '+01:00'],
			['daylight', '2026-03-29T02:00:00', '+01:00', '+02:00'],
		]);
	});
});

describe('buildInvitation: recurrence expanded by ical.js equals the simulator', () => {
	test.each<[string, string, string, Record<string, string>]>([
		[
			'daily, every day, COUNT',
			'Asia/Shanghai',
			'2026-06-01 09:00:00',
			{ recurrence_type: '1', daily_type: '1', end_times: '10' },
		],
		[
			'daily, weekdays, start on a Saturday',
			'Asia/Shanghai',
			'2026-03-28 09:00:00',
			{ recurrence_type: '1', daily_type: '2', end_times: '12' },
		],
		[
			'daily, UNTIL inclusive across the Berlin fall back',
			'Europe/Berlin',
			'2026-10-20 01:30:00',
			{ recurrence_type: '1', daily_type: '1', end_date_time: '2026-10-30 01:30:00' },
		],
		[
			'daily, both ends given: end_date_time wins',
			'Asia/Shanghai',
			'2026-06-01 09:00:00',
			{ recurrence_type: '1', daily_type: '1', end_times: '3', end_date_time: '2026-06-10 09:00:00' },
		],
		[
			'weekly, several days, across the Berlin spring forward',
			'Europe/Berlin',
			'2026-03-20 09:00:00',
			{ recurrence_type: '2', weekly_days: '1,3,5', end_times: '12' },
		],
		[
			'weekly, Sundays 01:30 across the Berlin fall back',
			'Europe/Berlin',
			'2026-10-11 01:30:00',
			{ recurrence_type: '2', weekly_days: '7', end_times: '6' },
		],
		[
			'weekly, weekend, UNTIL',
			'Europe/Berlin',
			'2026-03-01 18:00:00',
			{ recurrence_type: '2', weekly_days: '6,7', end_date_time: '2026-04-12 17:59:59' },
		],
		[
			'monthly day 31, UNTIL exactly at a meeting',
			'Asia/Shanghai',
			'2026-01-10 10:00:00',
			{ recurrence_type: '3', monthly_day: '31', end_date_time: '2026-12-31 10:00:00' },
		],
		[
			'monthly day 15, COUNT, across both Berlin changes',
			'Europe/Berlin',
			'2026-01-20 08:15:00',
			{ recurrence_type: '3', monthly_day: '15', end_times: '14' },
		],
		[
			'monthly 2nd Tuesday, COUNT',
			'Europe/Berlin',
			'2026-02-11 16:00:00',
			{ recurrence_type: '3', monthly_week: '2', monthly_week_day: '2', end_times: '12' },
		],
		[
			'monthly 5th Friday, skipping months without one',
			'Asia/Shanghai',
			'2026-01-01 10:00:00',
			{ recurrence_type: '3', monthly_week: '5', monthly_week_day: '5', end_times: '6' },
		],
		[
			'monthly 1st Monday, UNTIL',
			'Asia/Shanghai',
			'2026-01-01 06:30:00',
			{
				recurrence_type: '3',
				monthly_week: '1',
				monthly_week_day: '1',
				end_date_time: '2027-01-04 06:30:00',
			},
		],
	])('%s', (_name, zone, start, form) => {
		const expected = simulated(form, start);
		expect(expected.length).toBeGreaterThan(2);
		const ics = buildInvitation(input({ start, serviceZone: zone, recurrence: form }));
		expect(expand(ics, zone)).toEqual(expected);
		// Every meeting is also the instant Luxon gives its wall text (the VTIMEZONE holds over the series).
		const { event } = parse(ics);
		// RFC 5545 counts DTSTART as the first meeting, so it must be the service's first meeting
		// (ical.js forgives a DTSTART off the rule; other calendars show it as an extra meeting).
		expect(wallText(instantOf(event.startDate), zone)).toBe(expected[0]);
		const iterator = event.iterator();
		for (const text of expected) expect(instantOf(iterator.next()!)).toBe(luxonInstant(text, zone));
	});

	test('early morning in Asia/Shanghai: BYDAY is evaluated on the service zone days', () => {
		const form = { recurrence_type: '2', weekly_days: '1,3', end_times: '8' };
		// Tuesday 07:00 in Shanghai is Monday 23:00 UTC; the series starts on the next Wednesday.
		const start = '2026-06-02 07:00:00';
		const ics = buildInvitation(input({ start, recurrence: form }));
		expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260603T070000\r\n');
		expect(ics).toContain('RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;COUNT=8\r\n');

		const expected = simulated(form, start);
		expect(expected.slice(0, 3)).toEqual([
			'2026-06-03 07:00:00',
			'2026-06-08 07:00:00',
			'2026-06-10 07:00:00',
		]);
		const meetings = expand(ics, 'Asia/Shanghai');
		expect(meetings).toEqual(expected);
		for (const text of meetings) {
			const instant = luxonInstant(text, 'Asia/Shanghai');
			expect(['Mon', 'Wed']).toContain(
				DateTime.fromMillis(instant, { zone: 'Asia/Shanghai' }).toFormat('ccc'),
			);
			// The same meetings fall on Sunday and Tuesday in UTC: a UTC DTSTART would need other BYDAY values.
			expect(['Sun', 'Tue']).toContain(DateTime.fromMillis(instant, { zone: 'UTC' }).toFormat('ccc'));
		}
	});

	test.each([
		'Europe/Berlin',
		'America/New_York',
		'America/Santiago',
		'Australia/Lord_Howe',
		'Pacific/Chatham',
	])('%s: 800 daily meetings at noon are all at the instants Luxon gives', (zone) => {
		const form = { recurrence_type: '1', daily_type: '1', end_times: '800' };
		const ics = buildInvitation(input({ start: '2026-02-01 12:00:00', serviceZone: zone, recurrence: form }));
		const vtimezone = parse(ics).calendar.getFirstSubcomponent('vtimezone')!;
		expect(vtimezone.getAllSubcomponents('daylight').length).toBeGreaterThanOrEqual(2);
		expect(vtimezone.getAllSubcomponents('standard').length).toBeGreaterThanOrEqual(2);

		const meetings = expand(ics, zone);
		expect(meetings).toHaveLength(800);
		const { event } = parse(ics);
		const iterator = event.iterator();
		let day = DateTime.fromFormat('2026-02-01 12:00:00', WALL, { zone });
		for (const text of meetings) {
			expect(text).toBe(day.toFormat(WALL));
			expect(instantOf(iterator.next()!)).toBe(day.toMillis());
			day = day.plus({ days: 1 });
		}
	});
});

describe('buildInvitation: folding and escaping', () => {
	const strict = new TextDecoder('utf-8', { fatal: true });
	const encoder = new TextEncoder();

	function checkFolding(ics: string) {
		const lines = physicalLines(ics);
		lines.forEach((line, index) => {
			const bytes = encoder.encode(line);
			expect(bytes.length).toBeLessThanOrEqual(75);
			// Each physical line alone must be valid UTF-8: no character is split across a fold.
			expect(strict.decode(bytes)).toBe(line);
			// A line is only folded when its next character would not fit.
			const next = lines[index + 1];
			if (next?.startsWith(' ')) {
				const following = String.fromCodePoint(next.codePointAt(1)!);
				expect(bytes.length + encoder.encode(following).length).toBeGreaterThan(75);
			}
		});
		return lines;
	}

	test('a long Chinese topic folds on whole characters and reads back exactly', () => {
		const topic = '季度评审'.repeat(60);
		const ics = buildInvitation(input({ topic }));
		const lines = checkFolding(ics);
		expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
		expect(unfold(ics).split('\r\n')).toContain(`SUMMARY:${topic}`);
		expect(parse(ics).event.summary).toBe(topic);
	});

	test('emoji (surrogate pairs, 4 octets) and accents are never split', () => {
		const topic = 'Réunion 🎉 équipe 👩‍💻 '.repeat(12);
		const ics = buildInvitation(input({ topic }));
		checkFolding(ics);
		expect(parse(ics).event.summary).toBe(topic);
	});

	test('a long ASCII join URL and password: LOCATION, URL and DESCRIPTION fold and unfold', () => {
		const joinUrl = `https://meet.umeeting.example/j/987654321?pwd=${'A1b2C3d4'.repeat(20)}`;
		const password = 'p'.repeat(90);
		const ics = buildInvitation(input({ joinUrl, password }));
		checkFolding(ics);
		const unfolded = unfold(ics).split('\r\n');
		expect(unfolded).toContain(`URL:${joinUrl}`);
		expect(unfolded).toContain(`LOCATION:${joinUrl}`);
		expect(unfolded).toContain(
			`DESCRIPTION:Join the meeting: ${joinUrl}\\nMeeting number: 987654321\\nPassword: ${password}`,
		);
		const { vevent, event } = parse(ics);
		expect(event.location).toBe(joinUrl);
		expect(vevent.getFirstPropertyValue('url')).toBe(joinUrl);
		expect(event.description).toBe(
			`Join the meeting: ${joinUrl}\nMeeting number: 987654321\nPassword: ${password}`,
		);
	});

	test('TEXT special characters are escaped and read back exactly', () => {
		const topic = 'a,b;c\\d\nsecond line';
		const ics = buildInvitation(input({ topic, password: 'x;y,z\\w' }));
		expect(ics).toContain('SUMMARY:a\\,b\\;c\\\\d\\nsecond line\r\n');
		const { event } = parse(ics);
		expect(event.summary).toBe(topic);
		expect(event.description.endsWith('Password: x;y,z\\w')).toBe(true);
	});

	test('CRLF and CR in a topic become newlines; other control characters cannot break a line', () => {
		const ics = buildInvitation(input({ topic: 'one\r\ntwo\rthree\u0007\u0000' }));
		physicalLines(ics);
		expect(ics).toContain('SUMMARY:one\\ntwo\\nthree\r\n');
		expect(parse(ics).event.summary).toBe('one\ntwo\nthree');
	});

	test('every line ends with CRLF, including the last, and no bare CR or LF is left', () => {
		const ics = buildInvitation(
			input({ recurrence: { recurrence_type: '1', daily_type: '1', end_times: '3' } }),
		);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
});

describe('buildInvitation: CANCEL', () => {
	const form = { recurrence_type: '2', weekly_days: '1,3', end_times: '6' };

	test('the whole meeting: METHOD:CANCEL, STATUS:CANCELLED and the same UID', () => {
		const published = parse(buildInvitation(input({ recurrence: form })));
		const ics = buildInvitation(
			input({ method: 'CANCEL', joinUrl: undefined, recurrence: form, sequence: 8, password: undefined }),
		);
		const { calendar, vevent, event } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.uid).toBe(published.event.uid);
		expect(event.sequence).toBe(8);
		expect(event.description).toBe('Meeting number: 987654321');
		expect(vevent.getFirstPropertyValue('location')).toBeNull();
		expect(vevent.getFirstPropertyValue('url')).toBeNull();
		expect(vevent.getFirstPropertyValue('recurrence-id')).toBeNull();
		expect(ics).toContain('RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;COUNT=6\r\n');
		const rule = vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur>;
		expect([rule.freq, rule.count, rule.parts.BYDAY]).toEqual(['WEEKLY', 6, ['MO', 'WE']]);
	});

	test.each([
		['Asia/Shanghai', '2026-06-10 07:00:00'],
		['Europe/Berlin', '2026-10-26 07:00:00'],
	])('one occurrence (%s %s): RECURRENCE-ID is the occurrence instant', (zone, occurrenceStart) => {
		const start = '2026-06-01 07:00:00';
		expect(simulated({ ...form, end_times: '60' }, start)).toContain(occurrenceStart);
		const ics = buildInvitation(
			input({ method: 'CANCEL', start, serviceZone: zone, recurrence: form, occurrenceStart }),
		);
		const { calendar, vevent, event } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.uid).toBe('987654321@umeeting');
		expect(ics).toContain(
			`RECURRENCE-ID;TZID=${zone}:${occurrenceStart.replace(/[-:]/g, '').replace(' ', 'T')}\r\n`,
		);
		expect(instantOf(event.recurrenceId)).toBe(luxonInstant(occurrenceStart, zone));
		expect(instantOf(event.startDate)).toBe(luxonInstant(occurrenceStart, zone));
		expect(event.isRecurrenceException()).toBe(true);
	});
});

describe('invitationSequence and what the file never carries', () => {
	test('invitationSequence counts whole seconds since 2020-01-01T00:00:00Z and grows with the stamp', () => {
		expect(invitationSequence(new Date('2020-01-01T00:00:00.000Z'))).toBe(0);
		expect(invitationSequence(new Date('2020-01-01T00:01:40.999Z'))).toBe(100);
		const earlier = invitationSequence(new Date('2026-05-20T10:00:00.000Z'));
		const later = invitationSequence(new Date('2026-05-20T10:00:01.000Z'));
		expect(earlier).toBe(201_434_400);
		expect(later).toBe(earlier + 1);
		expect(invitationSequence(new Date('2027-01-01T00:00:00Z'))).toBeGreaterThan(later);
		expect(invitationSequence(new Date('2068-01-01T00:00:00Z'))).toBeLessThan(2 ** 31);
		expect(() => invitationSequence(new Date('nonsense'))).toThrow();
	});

	test('no start URL, ZAK, token or host key in any kind of file', () => {
		const files = [
			buildInvitation(input()),
			buildInvitation(input({ recurrence: { recurrence_type: '3', monthly_day: '5', end_times: '4' } })),
			buildInvitation(input({ method: 'CANCEL' })),
			buildInvitation(
				input({
					method: 'CANCEL',
					recurrence: { recurrence_type: '1', daily_type: '2', end_times: '9' },
					occurrenceStart: '2026-06-03 09:00:00',
				}),
			),
		];
		for (const ics of files) {
			for (const word of ['start_url', 'zak=', 'token', 'host_key'])
				expect(ics.toLowerCase()).not.toContain(word);
		}
	});

	test('bad input is refused instead of written into the file', () => {
		expect(() => buildInvitation(input({ serviceZone: 'Mars/Olympus' }))).toThrow(/time zone/);
		expect(() => buildInvitation(input({ start: '2026-02-30 09:00:00' }))).toThrow(/valid/);
		expect(() => buildInvitation(input({ start: '2026-06-01T09:00:00Z' }))).toThrow(/yyyy-MM-dd/);
		expect(() => buildInvitation(input({ recurrence: { recurrence_type: '4', end_times: '2' } }))).toThrow(
			/recurrence_type/,
		);
		expect(() => buildInvitation(input({ recurrence: { recurrence_type: '1' } }))).toThrow(/end_times/);
	});
});

describe('ORGANIZER, what the writer refuses, series without meetings', () => {
	test('ORGANIZER with the host name as CN, in PUBLISH and CANCEL, read by ical.js and node-ical', () => {
		for (const method of ['PUBLISH', 'CANCEL'] as const) {
			const ics = buildInvitation(
				input({ method, organizer: { email: 'host@example.com', name: 'Li, Wei: "Ops"' } }),
			);
			const { vevent } = parse(ics);
			const organizer = vevent.getFirstProperty('organizer')!;
			expect(organizer.getFirstValue()).toBe('mailto:host@example.com');
			expect(organizer.getParameter('cn')).toBe("Li, Wei: 'Ops'");
			const event = Object.values(nodeIcal.sync.parseICS(ics)).find(
				(c) => c.type === 'VEVENT',
			) as nodeIcal.VEvent;
			expect(event.organizer).toMatchObject({
				val: 'mailto:host@example.com',
				params: { CN: "Li, Wei: 'Ops'" },
			});
		}
		const unnamed = buildInvitation(input({ organizer: { email: 'host@example.com' } }));
		expect(unnamed).toContain('\r\nORGANIZER:mailto:host@example.com\r\n');
	});

	test.each([
		'',
		'host',
		'host@',
		'@example.com',
		'a b@example.com',
		'host@example',
		'x@y.com\r\nATTENDEE:mailto:z@y.com',
		'"q"@example.com',
	])('organizer %j is refused', (email) => {
		expect(() => buildInvitation(input({ organizer: { email } }))).toThrow(/organizer needs a valid e-mail/);
	});

	test('an end it cannot write as a date is refused, never written as NaN', () => {
		for (const durationMinutes of [9e15, 5_000_000_000, Number.MAX_SAFE_INTEGER]) {
			expect(() => buildInvitation(input({ durationMinutes }))).toThrow(/cannot be written as a date/);
		}
		expect(() => buildInvitation(input({ durationMinutes: Number.NaN }))).toThrow();
		expect(buildInvitation(input({ durationMinutes: 1440 }))).not.toContain('NaN');
	});

	test('weekly on Monday from a Tuesday to that Sunday: no meeting; the writer refuses, firstMeetingOf says none', () => {
		const recurrence = { recurrence_type: '2', weekly_days: '1', end_date_time: '2026-12-06 23:00:00' };
		expect(firstMeetingOf('2026-12-01 10:00:00', recurrence)).toBeUndefined();
		expect(simulated(recurrence, '2026-12-01 10:00:00')).toEqual([]);
		expect(() => buildInvitation(input({ start: '2026-12-01 10:00:00', recurrence }))).toThrow(/no meeting/);
		// One day more, and the series holds its Monday.
		const monday = { ...recurrence, end_date_time: '2026-12-07 23:00:00' };
		expect(firstMeetingOf('2026-12-01 10:00:00', monday)).toBe('2026-12-07 10:00:00');
		expect(
			expand(buildInvitation(input({ start: '2026-12-01 10:00:00', recurrence: monday })), 'Asia/Shanghai'),
		).toEqual(simulated(monday, '2026-12-01 10:00:00'));
	});

	test('stamps of one meeting are a second apart at least however fast they are asked for: SEQUENCE grows', () => {
		const now = Date.UTC(2026, 4, 20, 10, 0, 0, 400);
		const stamps = [0, 1, 2, 3].map(() => nextInvitationStamp('555000111', now));
		const sequences = stamps.map(invitationSequence);
		expect(sequences).toEqual([sequences[0], sequences[0] + 1, sequences[0] + 2, sequences[0] + 3]);
		expect(stamps[0].getTime()).toBe(Date.UTC(2026, 4, 20, 10, 0, 0));
		// Another meeting is not held back by this one; a later clock is taken as it is.
		expect(nextInvitationStamp('555000222', now).getTime()).toBe(stamps[0].getTime());
		expect(nextInvitationStamp('555000111', now + 60_000).getTime()).toBe(Date.UTC(2026, 4, 20, 10, 1, 0));
	});
});
