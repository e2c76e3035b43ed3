/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { runChain, runUMeeting, type RunResult } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import type { StoredMeeting } from '../simulator/meetings';

/**
 * Attach Invitation (.ics) through n8n-core's WorkflowExecute against the simulator. Every file is
 * read back with a real iCalendar parser (ical.js) and compared with what the simulator stored: the
 * instants of the meeting and of every meeting of a series, the UID, the texts. The workflow runs in
 * New York, the service in Beijing, the machine in Chatham (npm test): a time read in the wrong zone
 * shows up as a wrong instant.
 */
const { simulator, credentials } = useSimulator();

const ZONE = 'America/New_York';
const ORGANIZER = 'scheduling@example.com';
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** A run of one node; a file asked for names the test's organizer unless the test gives one. */
async function run(parameters: IDataObject, items?: IDataObject[]): Promise<RunResult> {
	const organizer = parameters.attachInvitation ? { organizerEmail: ORGANIZER } : {};
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		items,
		parameters: { resource: 'meeting', ...organizer, ...parameters },
	});
}

const scheduleParameters = (extra: IDataObject = {}) => ({
	operation: 'schedule',
	topic: 'Design review',
	meetingCapacity: 6,
	// A Tuesday, 21:00 in New York: Wednesday 10:00 in Beijing.
	startTime: '2026-12-01 21:00',
	duration: 50,
	additionalFields: { password: 'Pw-4821' },
	attachInvitation: true,
	...extra,
});

const weekly = (end: IDataObject) => ({
	rule: { type: 'weekly', weeklyDays: ['tuesday', 'thursday'], ...end },
});

interface Invitation {
	binary: IBinaryData;
	text: string;
	calendar: InstanceType<typeof ICAL.Component>;
	vevent: InstanceType<typeof ICAL.Component>;
	event: InstanceType<typeof ICAL.Event>;
}

/** The .ics file of an output item: its binary entry, its text (base64 in the default binary mode) and its parse. */
function invitationOf(item: INodeExecutionData, property = 'invite'): Invitation {
	const binary = item.binary?.[property];
	expect(binary).toBeDefined();
	const text = Buffer.from(binary!.data, 'base64').toString('utf8');
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	const calendar = new ICAL.Component(ICAL.parse(text));
	const vevents = calendar.getAllSubcomponents('vevent');
	expect(vevents).toHaveLength(1);
	return { binary: binary!, text, calendar, vevent: vevents[0], event: new ICAL.Event(vevents[0]) };
}

function only(result: RunResult): INodeExecutionData {
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(1);
	return result.output![0];
}

function storedOf(item: INodeExecutionData): StoredMeeting {
	const meeting = simulator.store.get(String(item.json.meeting_id));
	expect(meeting).toBeDefined();
	return meeting!;
}

/** The instant an ical.js time stands for, in epoch milliseconds. */
const ms = (time: InstanceType<typeof ICAL.Time>) => time.toUnixTime() * 1000;

const storedStart = (meeting: StoredMeeting) => DateTime.fromISO(meeting.start_instant).toMillis();

/** The meetings of the file as ical.js expands it (DTSTART and RRULE), as instants. */
function expanded(invitation: Invitation, max = 500): number[] {
	const iterator = invitation.event.iterator();
	const result: number[] = [];
	for (let next = iterator.next(); next && result.length < max; next = iterator.next()) result.push(ms(next));
	return result;
}

/** The simulator's meetings of a series, as instants. */
const occurrenceInstants = (meeting: StoredMeeting) =>
	meeting.occurrences!.map((o) => simulator.clock.parse(o.start_time).toMillis());

const sequenceOf = (invitation: Invitation) =>
	invitation.vevent.getFirstPropertyValue('sequence') as unknown as number;

/** None of the meeting's host secrets, in any form a calendar could show. */
function expectNoHostSecrets(invitation: Invitation, meeting: StoredMeeting) {
	const unfolded = invitation.text.replace(/\r\n /g, '');
	expect(meeting.start_url).toContain('zak=');
	expect(unfolded).not.toContain(meeting.start_url);
	expect(unfolded).not.toContain(meeting.start_url.split('?')[1]);
	expect(unfolded).not.toContain(meeting.token);
	expect(unfolded).not.toMatch(new RegExp(`(?<!\\d)${meeting.host_key}(?!\\d)`));
	expect(unfolded).not.toContain('zak=');
	expect(unfolded).not.toContain(meeting.host_id);
}

/** Every physical line is at most 75 octets (CRLF excluded); returns them. */
function physicalLines(text: string): string[] {
	expect(text.endsWith('\r\n')).toBe(true);
	const lines = text.slice(0, -2).split('\r\n');
	for (const line of lines) {
		expect(line).not.toMatch(/[\r\n]/);
		expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	}
	return lines;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** SEQUENCE counts whole seconds: files made more than a second apart differ. */
const NEXT_SECOND = 1100;

describe('Schedule with Attach Invitation', () => {
	test('weekly series with a number of occurrences and a password: the file is the series the service holds', async () => {
		const item = only(await run(scheduleParameters({ recurrence: weekly({ endBy: 'times', endTimes: 5 }) })));
		const meeting = storedOf(item);
		const invitation = invitationOf(item);

		expect(Object.keys(item.binary!)).toEqual(['invite']);
		expect(invitation.binary.mimeType).toBe('text/calendar');
		expect(invitation.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expect(invitation.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(invitation.event.uid).toBe(`${meeting.id}@umeeting`);

		// 21:00 New York is 10:00 the next day in Beijing.
		expect(meeting.start_time).toBe('2026-12-02 10:00:00');
		expect(ms(invitation.event.startDate)).toBe(storedStart(meeting));
		expect(ms(invitation.event.endDate)).toBe(storedStart(meeting) + 50 * 60_000);
		expect(meeting.duration).toBe(50);

		const meetings = expanded(invitation);
		expect(meetings).toHaveLength(5);
		expect(meetings).toEqual(occurrenceInstants(meeting));
		// Tuesdays and Thursdays at 21:00 in New York, as asked.
		expect(meetings.map((t) => DateTime.fromMillis(t, { zone: ZONE }).toFormat('ccc HH:mm'))).toEqual([
			'Tue 21:00',
			'Thu 21:00',
			'Tue 21:00',
			'Thu 21:00',
			'Tue 21:00',
		]);

		expect(invitation.event.summary).toBe('Design review');
		const description = invitation.event.description;
		expect(description).toContain(meeting.join_url);
		expect(description).toContain(`Meeting number: ${meeting.id}`);
		expect(description).toContain('Password: Pw-4821');
		expect(meeting.password).toBe('Pw-4821');
		expect(invitation.event.location).toBe(meeting.join_url);
		expectNoHostSecrets(invitation, meeting);
		// The output item itself still has the host secrets (a normal node keeps them by default).
		expect(item.json.token).toBe(meeting.token);
	});

	test('weekly series ending on a date, in a binary field of its own name', async () => {
		const item = only(
			await run(
				scheduleParameters({
					recurrence: weekly({ endBy: 'date', endDateTime: '2026-12-17 21:00' }),
					invitationBinaryProperty: 'calendarFile',
				}),
			),
		);
		const meeting = storedOf(item);
		expect(Object.keys(item.binary!)).toEqual(['calendarFile']);
		const invitation = invitationOf(item, 'calendarFile');
		expect(invitation.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expect(invitation.binary.mimeType).toBe('text/calendar');
		expect(invitation.event.uid).toBe(`${meeting.id}@umeeting`);
		expect(ms(invitation.event.startDate)).toBe(storedStart(meeting));

		const rule = invitation.vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur>;
		expect(rule.until).toBeTruthy();
		expect(rule.count).toBeFalsy();
		const meetings = expanded(invitation);
		expect(meetings).toHaveLength(6);
		expect(meetings).toEqual(occurrenceInstants(meeting));
		// The end date is inclusive: the last meeting is at the end date itself.
		expect(DateTime.fromMillis(meetings[5], { zone: ZONE }).toISO()).toBe('2026-12-17T21:00:00.000-05:00');
		expect(invitation.event.description).toContain('Password: Pw-4821');
		expectNoHostSecrets(invitation, meeting);
	});

	test('a single meeting: no RRULE, the file has the one meeting', async () => {
		const item = only(await run(scheduleParameters({ additionalFields: {} })));
		const meeting = storedOf(item);
		const invitation = invitationOf(item);
		expect(invitation.vevent.getFirstPropertyValue('rrule')).toBeNull();
		expect(expanded(invitation)).toEqual([storedStart(meeting)]);
		expect(DateTime.fromMillis(storedStart(meeting), { zone: ZONE }).toISO()).toBe(
			'2026-12-01T21:00:00.000-05:00',
		);
		expect(invitation.event.description).not.toContain('Password');
		expectNoHostSecrets(invitation, meeting);
	});

	test('topics in Chinese and with , ; \\ and a newline read back exactly; no line over 75 octets', async () => {
		const chinese =
			'季度产品路线图评审会议：讨论下一阶段的研发计划、市场推广策略以及跨部门协作安排（𠮷野家分店）' +
			'——请提前十分钟入会';
		const special = 'Budget, Q3; review \\ plan\nsecond line, with; more\\';
		const result = await run(scheduleParameters({ topic: '={{ $json.topic }}' }), [
			{ topic: chinese },
			{ topic: special },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(2);
		for (const [index, topic] of [chinese, special].entries()) {
			const item = result.output![index];
			const meeting = storedOf(item);
			expect(meeting.topic).toBe(topic);
			const invitation = invitationOf(item);
			expect(invitation.event.summary).toBe(topic);
			expect(invitation.event.uid).toBe(`${meeting.id}@umeeting`);
			const lines = physicalLines(invitation.text);
			if (topic === chinese) {
				// The SUMMARY really is long enough to be folded, into several lines.
				const summaryAt = lines.findIndex((line) => line.startsWith('SUMMARY:'));
				expect(lines[summaryAt + 1].startsWith(' ')).toBe(true);
				expect(lines[summaryAt + 2].startsWith(' ')).toBe(true);
			} else {
				expect(invitation.text).toContain('SUMMARY:Budget\\, Q3\\; review \\\\ plan\\nsecond line');
			}
		}
		expect(Buffer.byteLength(chinese, 'utf8')).toBeGreaterThan(150);
	});
});

describe('Get with Attach Invitation', () => {
	test('same UID and times as the Schedule file, a higher SEQUENCE, the password from the service', async () => {
		const scheduled = only(await run(scheduleParameters()));
		const meeting = storedOf(scheduled);
		const first = invitationOf(scheduled);
		await pause(NEXT_SECOND);

		simulator.requests.length = 0;
		const item = only(await run({ operation: 'get', meetingId: byId(meeting.id), attachInvitation: true }));
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get']);
		const later = invitationOf(item);
		expect(later.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expect(later.event.uid).toBe(first.event.uid);
		expect(later.event.uid).toBe(`${meeting.id}@umeeting`);
		expect(sequenceOf(later)).toBeGreaterThan(sequenceOf(first));
		expect(ms(later.event.startDate)).toBe(storedStart(meeting));
		expect(ms(later.event.endDate)).toBe(storedStart(meeting) + meeting.duration * 60_000);
		expect(later.event.summary).toBe('Design review');
		expect(later.event.description).toContain('Password: Pw-4821');
		expect(later.event.description).toContain(meeting.join_url);
		expectNoHostSecrets(later, meeting);
	});

	test('two Gets a second apart: the later file has the higher SEQUENCE', async () => {
		const meeting = storedOf(only(await run(scheduleParameters({ attachInvitation: false }))));
		const get = () => run({ operation: 'get', meetingId: byId(meeting.id), attachInvitation: true });
		const first = invitationOf(only(await get()));
		await pause(NEXT_SECOND);
		const second = invitationOf(only(await get()));
		expect(second.event.uid).toBe(first.event.uid);
		expect(sequenceOf(second)).toBeGreaterThan(sequenceOf(first));
	});

	// share/get does not say whether a meeting is a series: a file of the first meeting alone, with
	// the series' UID and a higher SEQUENCE, replaces the whole series in a calendar.
	// share/get (and share/list) say nothing of a recurrence, so a file written from them can only
	// describe the meeting they report: the documented limit (README, field description).
	test('Get of a weekly series: the file is the one meeting share/get reports, without an RRULE', async () => {
		const scheduled = only(
			await run(scheduleParameters({ recurrence: weekly({ endBy: 'times', endTimes: 5 }) })),
		);
		const meeting = storedOf(scheduled);
		const item = only(await run({ operation: 'get', meetingId: byId(meeting.id), attachInvitation: true }));
		const invitation = invitationOf(item);
		expect(invitation.event.uid).toBe(`${meeting.id}@umeeting`);
		expect(invitation.text).not.toContain('RRULE');
		expect(expanded(invitation)).toEqual([storedStart(meeting)]);
	});
});

describe('Update with Attach Invitation', () => {
	test('a new start: DTSTART is the new stored instant, same UID, higher SEQUENCE', async () => {
		const scheduled = only(await run(scheduleParameters()));
		const meeting = storedOf(scheduled);
		const before = invitationOf(scheduled);
		const oldStart = storedStart(meeting);
		await pause(NEXT_SECOND);

		const item = only(
			await run({
				operation: 'update',
				meetingId: byId(meeting.id),
				updateFields: { startTime: '2026-12-02 08:15' },
				recurrenceChange: 'remove',
				attachInvitation: true,
			}),
		);
		const after = invitationOf(item);
		const newStart = storedStart(simulator.store.get(meeting.id)!);
		expect(new Date(newStart).toISOString()).toBe('2026-12-02T13:15:00.000Z');
		expect(newStart).not.toBe(oldStart);
		expect(ms(after.event.startDate)).toBe(newStart);
		expect(ms(after.event.endDate)).toBe(newStart + 50 * 60_000);
		expect(after.event.uid).toBe(before.event.uid);
		expect(sequenceOf(after)).toBeGreaterThan(sequenceOf(before));
		expect(after.event.summary).toBe('Design review');
		expect(after.event.description).toContain('Password: Pw-4821');
		expect(after.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expectNoHostSecrets(after, meeting);
	});

	test('a new recurrence: the file expands to the new series', async () => {
		const meeting = storedOf(only(await run(scheduleParameters())));
		const item = only(
			await run({
				operation: 'update',
				meetingId: byId(meeting.id),
				recurrenceChange: 'set',
				recurrence: { rule: { type: 'daily', endBy: 'times', endTimes: 4 } },
				attachInvitation: true,
			}),
		);
		const invitation = invitationOf(item);
		const updated = simulator.store.get(meeting.id)!;
		expect(updated.occurrences).toHaveLength(4);
		expect(expanded(invitation)).toEqual(occurrenceInstants(updated));
	});

	// Keep As It Is sends no recurrence, and share/get does not describe one: a file of one meeting,
	// with the series' UID and a higher SEQUENCE, would replace the whole series in a calendar.
	test('Keep As It Is with a file is refused before anything is sent; the series stays as it was', async () => {
		const meeting = storedOf(
			only(await run(scheduleParameters({ recurrence: weekly({ endBy: 'times', endTimes: 5 }) }))),
		);
		const before = meeting.occurrences!.map((o) => o.start_time);
		simulator.requests.length = 0;
		const { output, error } = await run({
			operation: 'update',
			meetingId: byId(meeting.id),
			updateFields: { startTime: '2026-12-08 21:00' },
			attachInvitation: true,
		});
		expect(output).toBeUndefined();
		expect(error?.name).toBe('NodeOperationError');
		expect(error!.message).toMatch(
			/"Attach Invitation \(\.ics\)" needs Recurrence Change "Set" or "Single Meeting"/,
		);
		expect(error!.description).toMatch(/Nothing was sent/);
		expect(simulator.requests).toHaveLength(0);
		expect(simulator.store.get(meeting.id)!.occurrences!.map((o) => o.start_time)).toEqual(before);
	});
});

describe('Start Instant Meeting with Attach Invitation', () => {
	test('the file holds the meeting that started now, for its duration, without host secrets', async () => {
		const before = Date.now();
		const item = only(
			await run({
				operation: 'createInstant',
				topic: 'Incident bridge',
				meetingCapacity: 12,
				additionalFields: { duration: 90 },
				attachInvitation: true,
			}),
		);
		const meeting = storedOf(item);
		const invitation = invitationOf(item);
		expect(invitation.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expect(invitation.binary.mimeType).toBe('text/calendar');
		expect(invitation.event.uid).toBe(`${meeting.id}@umeeting`);
		const start = ms(invitation.event.startDate);
		expect(start).toBe(storedStart(meeting));
		expect(start).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(start).toBeLessThanOrEqual(Date.now());
		expect(ms(invitation.event.endDate)).toBe(start + 90 * 60_000);
		expect(invitation.event.summary).toBe('Incident bridge');
		expect(invitation.event.description).toContain(meeting.join_url);
		expect(invitation.event.description).toContain(`Meeting number: ${meeting.id}`);
		expectNoHostSecrets(invitation, meeting);
	});
});

describe('Delete with Attach Cancellation', () => {
	test('the option is shown as Attach Cancellation (.ics)', () => {
		const names = new UMeeting().description.properties
			.filter(
				(p) =>
					p.name === 'attachInvitation' &&
					p.displayOptions?.show?.resource?.includes('meeting') &&
					p.displayOptions?.show?.operation?.includes('delete'),
			)
			.map((p) => p.displayName);
		expect(names).toEqual(['Attach Cancellation (.ics)']);
	});

	test("METHOD:CANCEL, STATUS:CANCELLED, same UID, the meeting's start; read, then deleted", async () => {
		const scheduled = only(await run(scheduleParameters()));
		const meeting = storedOf(scheduled);
		const published = invitationOf(scheduled);
		await pause(NEXT_SECOND);

		simulator.requests.length = 0;
		const item = only(
			await run({ operation: 'delete', meetingId: byId(meeting.id), attachInvitation: true }),
		);
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get', '/umeeting/share/delete']);
		expect(simulator.requests[0].form.meeting_id).toBe(meeting.id);
		expect(simulator.requests[1].form.id).toBe(meeting.id);
		expect(simulator.store.get(meeting.id)!.status).toBe(2);
		expect(item.json).toEqual({ success: true, meeting_id: meeting.id, deleted: true });

		const cancellation = invitationOf(item);
		expect(cancellation.binary.fileName).toBe(`meeting-${meeting.id}.ics`);
		expect(cancellation.binary.mimeType).toBe('text/calendar');
		expect(cancellation.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(cancellation.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancellation.event.uid).toBe(published.event.uid);
		expect(ms(cancellation.event.startDate)).toBe(storedStart(meeting));
		expect(sequenceOf(cancellation)).toBeGreaterThan(sequenceOf(published));
		expectNoHostSecrets(cancellation, meeting);
	});

	test('with an occurrence uuid: fails before sending anything', async () => {
		const meeting = storedOf(
			only(await run(scheduleParameters({ recurrence: weekly({ endBy: 'times', endTimes: 3 }) }))),
		);
		const uuid = meeting.occurrences![1].uuid;
		simulator.requests.length = 0;
		const { output, error } = await run({
			operation: 'delete',
			meetingId: { __rl: true, mode: 'occurrence', value: uuid },
			attachInvitation: true,
		});
		expect(output).toBeUndefined();
		expect(error?.name).toBe('NodeOperationError');
		expect(error!.message).toBe('Attach Cancellation (.ics) needs a meeting number');
		expect(error!.description).toMatch(/Nothing was sent\./);
		expect(simulator.requests).toHaveLength(0);
		expect(meeting.occurrences!.map((o) => o.status)).toEqual([0, 0, 0]);

		// The same uuid without the option deletes that one occurrence.
		const plain = only(
			await run({ operation: 'delete', meetingId: { __rl: true, mode: 'occurrence', value: uuid } }),
		);
		expect(plain.binary).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/delete']);
		expect(meeting.occurrences!.map((o) => o.status)).toEqual([0, 2, 0]);
	});
});

/**
 * A file's meetings as node-ical reads them: its DTSTART (an instant, with the TZID it names) and its
 * parsed RRULE. The rule is expanded by the rrule.js instance node-ical built, on the wall clock of
 * the file's TZID (rrule.js itself computes in the machine's zone, whose daylight saving, Chatham's
 * here, would shift meetings by an hour: so the expansion is given wall times and reads them back
 * in the TZID with Luxon).
 */
function nodeIcalExpanded(text: string, max = 500): number[] {
	const event = Object.values(nodeIcal.sync.parseICS(text)).find(
		(c) => c.type === 'VEVENT',
	) as nodeIcal.VEvent;
	if (!event.rrule) return [event.start.getTime()];
	const zone = (event.start as Date & { tz?: string }).tz!;
	const wall = (instant: Date) => {
		const time = DateTime.fromJSDate(instant, { zone });
		return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
	};
	const { origOptions } = event.rrule;
	const Rule = event.rrule.constructor as new (
		options: typeof origOptions,
	) => NonNullable<typeof event.rrule>;
	const floating = new Rule({
		...origOptions,
		tzid: null,
		dtstart: wall(event.start),
		until: origOptions.until ? wall(origOptions.until) : null,
	});
	return floating
		.all((_, index) => index < max)
		.map((d) =>
			DateTime.fromObject(
				{
					year: d.getUTCFullYear(),
					month: d.getUTCMonth() + 1,
					day: d.getUTCDate(),
					hour: d.getUTCHours(),
					minute: d.getUTCMinutes(),
					second: d.getUTCSeconds(),
				},
				{ zone },
			).toMillis(),
		);
}

/** Both parsers read the same meetings from the file, and they are the simulator's. */
function expectSameMeetings(invitation: Invitation, meeting: StoredMeeting) {
	const simulated = occurrenceInstants(meeting);
	expect(simulated.length).toBeGreaterThan(0);
	expect(expanded(invitation)).toEqual(simulated);
	expect(nodeIcalExpanded(invitation.text)).toEqual(simulated);
}

/** The meetings' days of the week (1 Monday … 7 Sunday) and of the month, on the New York calendar. */
const newYorkDays = (meeting: StoredMeeting) =>
	occurrenceInstants(meeting).map((instant) => {
		const day = DateTime.fromMillis(instant, { zone: ZONE });
		return { weekday: day.weekday, day: day.day };
	});

describe('every recurrence kind, before and after an Update that moves the start across a service-zone day', () => {
	// 21:00 in New York is the next day in Beijing; 09:00 is the same day. The rule is the one a
	// person in New York means, and the meetings must stay on its days there.
	const EVENING = '2026-12-01 21:00';
	const MORNING = '2026-12-03 09:00';
	const KINDS: Array<[string, IDataObject, (day: { weekday: number; day: number }) => boolean]> = [
		['daily', { type: 'daily', dailyType: 'everyDay' }, () => true],
		['daily on weekdays', { type: 'daily', dailyType: 'weekdays' }, (d) => d.weekday <= 5],
		[
			'weekly',
			{ type: 'weekly', weeklyDays: ['tuesday', 'thursday'] },
			(d) => d.weekday === 2 || d.weekday === 4,
		],
		['monthly on a day', { type: 'monthlyDay', monthlyDay: 3 }, (d) => d.day === 3],
	];

	test.each(KINDS)(
		'%s: Schedule, then Update with Set across the boundary; files and meetings agree',
		async (_name, rule, onDay) => {
			const recurrence = { rule: { ...rule, endBy: 'times', endTimes: 6 } };
			const scheduled = only(await run(scheduleParameters({ startTime: EVENING, recurrence })));
			const meeting = storedOf(scheduled);
			expectSameMeetings(invitationOf(scheduled), meeting);
			expect(newYorkDays(meeting).every(onDay)).toBe(true);

			const updated = only(
				await run({
					operation: 'update',
					meetingId: byId(meeting.id),
					updateFields: { startTime: MORNING },
					recurrenceChange: 'set',
					recurrence,
					attachInvitation: true,
				}),
			);
			const after = simulator.store.get(meeting.id)!;
			const file = invitationOf(updated);
			expect(file.text).toContain('RRULE:');
			expectSameMeetings(file, after);
			expect(newYorkDays(after).every(onDay)).toBe(true);
			expect(DateTime.fromMillis(occurrenceInstants(after)[0], { zone: ZONE }).hour).toBe(9);
		},
	);

	test('monthly on an Nth weekday: booked where both zones share the date; a move across the boundary is refused, nothing sent', async () => {
		const recurrence = {
			rule: {
				type: 'monthlyWeekday',
				monthlyWeek: 1,
				monthlyWeekDay: 'thursday',
				endBy: 'times',
				endTimes: 4,
			},
		};
		const scheduled = only(await run(scheduleParameters({ startTime: MORNING, recurrence })));
		const meeting = storedOf(scheduled);
		expectSameMeetings(invitationOf(scheduled), meeting);
		expect(newYorkDays(meeting).every((d) => d.weekday === 4 && d.day <= 7)).toBe(true);

		simulator.requests.length = 0;
		const moved = await run({
			operation: 'update',
			meetingId: byId(meeting.id),
			updateFields: { startTime: '2026-12-03 21:00' },
			recurrenceChange: 'set',
			recurrence,
			attachInvitation: true,
		});
		expect(moved.error?.message).toMatch(/Weekday/);
		expect(simulator.requests.filter((r) => r.path.endsWith('/update'))).toHaveLength(0);

		// Within the same service day the series moves, and the file follows.
		const later = only(
			await run({
				operation: 'update',
				meetingId: byId(meeting.id),
				updateFields: { startTime: '2026-12-03 10:30' },
				recurrenceChange: 'set',
				recurrence,
				attachInvitation: true,
			}),
		);
		expectSameMeetings(invitationOf(later), simulator.store.get(meeting.id)!);
	});

	test('Keep As It Is across the boundary is refused after the read, before any write; within it the series keeps its New York days', async () => {
		const recurrence = weekly({ endBy: 'times', endTimes: 5 });
		const meeting = storedOf(only(await run(scheduleParameters({ startTime: EVENING, recurrence }))));
		const before = meeting.occurrences!.map((o) => o.start_time);

		simulator.requests.length = 0;
		const refused = await run({
			operation: 'update',
			meetingId: byId(meeting.id),
			updateFields: { startTime: '2026-12-01 09:00' },
		});
		expect(refused.error?.message).toMatch(
			/"Start Time" with Recurrence Change "Keep As It Is" would move a series of meeting \d+ to other days/,
		);
		expect(refused.error?.description).toMatch(/Nothing was sent to UMeeting/);
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get']);
		expect(simulator.store.get(meeting.id)!.occurrences!.map((o) => o.start_time)).toEqual(before);

		// A week later at the same New York time: same distance between the two calendars, allowed.
		const kept = await run({
			operation: 'update',
			meetingId: byId(meeting.id),
			updateFields: { startTime: '2026-12-08 21:30' },
		});
		expect(kept.error).toBeUndefined();
		const after = simulator.store.get(meeting.id)!;
		expect(newYorkDays(after).every((d) => d.weekday === 2 || d.weekday === 4)).toBe(true);
	});

	test('a series with no meeting (weekly on Monday, from a Tuesday to that Sunday) is refused before sending', async () => {
		simulator.requests.length = 0;
		const { error } = await run(
			scheduleParameters({
				startTime: '2026-12-01 09:00',
				recurrence: {
					rule: { type: 'weekly', weeklyDays: ['monday'], endBy: 'date', endDateTime: '2026-12-06 20:00' },
				},
			}),
		);
		expect(error?.message).toMatch(/"Recurrence › .*End Date.*" leaves the series without a meeting/);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('ORGANIZER, SEQUENCE and DTSTAMP', () => {
	test('every file names the organizer with the host name; an invalid address is refused before sending', async () => {
		const item = only(
			await run(scheduleParameters({ additionalFields: { hostName: 'Dr. Chen; Ops', password: 'x' } })),
		);
		const file = invitationOf(item);
		const organizer = file.vevent.getFirstProperty('organizer')!;
		expect(organizer.getFirstValue()).toBe(`mailto:${ORGANIZER}`);
		expect(organizer.getParameter('cn')).toBe('Dr. Chen; Ops');
		expect(file.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');

		simulator.requests.length = 0;
		const { error } = await run(scheduleParameters({ organizerEmail: 'not an address' }));
		expect(error?.message).toBe(
			'Invalid input in item 0: "Organizer Email" must be an e-mail address such as host@example.com (got "not an address")',
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('Schedule → Update → Delete in one run: SEQUENCE and DTSTAMP strictly grow, every file has ORGANIZER', async () => {
		const file = { attachInvitation: true, organizerEmail: ORGANIZER };
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			steps: [
				{ name: 'Schedule', parameters: { resource: 'meeting', ...scheduleParameters(), ...file } },
				{
					name: 'Update',
					parameters: {
						resource: 'meeting',
						operation: 'update',
						meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
						updateFields: { topic: 'Design review (moved)' },
						recurrenceChange: 'remove',
						...file,
					},
				},
				{
					name: 'Delete',
					parameters: {
						resource: 'meeting',
						operation: 'delete',
						meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
						...file,
					},
				},
			],
		});
		expect(error).toBeUndefined();
		const files = ['Schedule', 'Update', 'Delete'].map((name) => invitationOf(outputs[name]![0]));
		const sequences = files.map(sequenceOf);
		const stamps = files.map((f) =>
			ms(f.vevent.getFirstPropertyValue('dtstamp') as unknown as InstanceType<typeof ICAL.Time>),
		);
		expect(sequences[1]).toBeGreaterThan(sequences[0]);
		expect(sequences[2]).toBeGreaterThan(sequences[1]);
		expect(stamps[1]).toBeGreaterThan(stamps[0]);
		expect(stamps[2]).toBeGreaterThan(stamps[1]);
		for (const f of files)
			expect(f.vevent.getFirstProperty('organizer')!.getFirstValue()).toBe(`mailto:${ORGANIZER}`);
		expect(files[2].calendar.getFirstPropertyValue('method')).toBe('CANCEL');
	});
});
