import { DateTime } from 'luxon';

import { MEETING_NOT_FOUND, UMeetingSimulator } from '../simulator';
import { NOT_HELD, NOT_HOST, NOT_LIVE, UUID_ALONE } from '../simulator/endpoints/participants';
import { attendees, recordUuid } from '../simulator/sessions';
import { simulatorCalls } from '../helpers/simulatorCalls';

/** An instant given as wall time in Asia/Shanghai, the simulator's default service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const simulator = new UMeetingSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

beforeAll(async () => {
	await simulator.start();
});
afterAll(async () => {
	await simulator.stop();
});
beforeEach(() => simulator.reset());

const { post, ok, refusal } = simulatorCalls(simulator);

const notFound = { status: 404, message: MEETING_NOT_FOUND };
const invalid = (message: string) => ({ status: 400, message });

/** 10:00 to 10:45 in Shanghai on 1 December: 02:00 to 02:45 UTC. */
const SPAN = { from: '2026-12-01T02:00:00Z', to: '2026-12-01T02:45:00Z' };

async function schedule(fields: Record<string, string> = {}) {
	return (await ok('share/schedule', {
		topic: 'Design review',
		meeting_capacity: '10',
		start_time: '2026-12-01 10:00:00',
		duration: '45',
		...fields,
	})) as { meeting_id: string; host_id: string; occurrences?: Array<{ uuid: string; start_time: string }> };
}

async function heldMeeting(fields: Record<string, string> = {}) {
	const meeting = await schedule(fields);
	await ok('share/end', { id: meeting.meeting_id });
	return meeting;
}

const participantsOf = (meeting: { meeting_id: string; host_id: string }, fields = {}) =>
	post(`share/meeting/${meeting.meeting_id}/participants`, {
		topic: 'Design review',
		host_id: meeting.host_id,
		...fields,
	});

/** The instant of a service text (Shanghai) or of a UTC text. */
const instant = (text: string) =>
	text.endsWith('Z')
		? DateTime.fromISO(text).toMillis()
		: DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone: 'Asia/Shanghai' }).toMillis();

function expectInside(from: string, to: string, span = SPAN) {
	expect(instant(from)).toBeGreaterThanOrEqual(DateTime.fromISO(span.from).toMillis());
	expect(instant(to)).toBeLessThanOrEqual(DateTime.fromISO(span.to).toMillis());
	expect(instant(to)).toBeGreaterThan(instant(from));
}

describe('share/meeting/{meetingId}/participants', () => {
	test('a meeting not yet held has nobody', async () => {
		const meeting = await schedule();
		const { data } = await participantsOf(meeting);
		expect(data).toEqual({
			duration: '45',
			start_time: '2026-12-01 10:00:00',
			total_minutes: 0,
			total_participants: 0,
			topic: 'Design review',
			id: meeting.meeting_id,
			participants_list: [],
		});
	});

	test('once ended: a few attendees inside the booked span, service texts, totals that add up', async () => {
		const meeting = await heldMeeting({ host_name: 'Mia Wong' });
		const { status, data } = await participantsOf(meeting);
		expect(status).toBe(200);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		const people = data.participants_list as Array<Record<string, any>>;
		expect(people.length).toBeGreaterThanOrEqual(2);
		expect(people.length).toBeLessThanOrEqual(5);
		expect(data.total_participants).toBe(people.length);
		expect(people.map((p) => p.user_name)).toContain('Mia Wong');
		const minutes = people.map((p) => Math.round((instant(p.leave_time) - instant(p.join_time)) / 60_000));
		expect(data.total_minutes).toBe(minutes.reduce((a, b) => a + b, 0));
		for (const person of people) {
			expect(person).toEqual({
				user_id: expect.stringMatching(/^\d+$/),
				user_name: expect.any(String),
				device: expect.any(String),
				ip_address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
				location: expect.stringMatching(/ \(CN\)$/),
				network_type: expect.any(String),
				join_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
				leave_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
				share_application: false,
				share_desktop: expect.any(Boolean),
				share_whiteboard: false,
				recording: false,
				pc_name: '',
				domain: '',
				mac_addr: '',
				harddisk_id: '',
				version: expect.any(String),
				leave_reason: '',
			});
			expectInside(person.join_time, person.leave_time);
		}
		// Asking again gives the same people: the record is kept, not drawn anew.
		expect((await participantsOf(meeting)).data).toEqual(data);
	});

	test('the same meeting number and start always give the same attendees', () => {
		const session = { start: SPAN.from, duration: 45 };
		expect(attendees('1770000007@2026-12-01 10:00:00', session, 4)).toEqual(
			attendees('1770000007@2026-12-01 10:00:00', session, 4),
		);
		expect(attendees('1770000007@2026-12-01 10:00:00', session, 4)).not.toEqual(
			attendees('1770000014@2026-12-01 10:00:00', session, 4),
		);
	});

	test('never more attendees than the meeting admits', async () => {
		const meeting = await heldMeeting({ meeting_capacity: '1' });
		expect((await participantsOf(meeting)).data.participants_list).toHaveLength(1);
	});

	test('a series: each ended occurrence adds its own attendees, inside its own span', async () => {
		const series = await schedule({ recurrence_type: '1', end_times: '3' });
		const [first, second] = series.occurrences!;
		await ok('share/end', { id: first.uuid });
		const once = (await participantsOf(series)).data.participants_list as Array<Record<string, string>>;
		await ok('share/end', { id: second.uuid });
		const twice = (await participantsOf(series)).data.participants_list as Array<Record<string, string>>;
		expect(twice.length).toBeGreaterThan(once.length);
		const secondSpan = { from: '2026-12-02T02:00:00Z', to: '2026-12-02T02:45:00Z' };
		for (const person of twice.slice(once.length))
			expectInside(person.join_time, person.leave_time, secondSpan);
	});

	test('refusals', async () => {
		const meeting = await heldMeeting();
		expect(await participantsOf(meeting, { host_id: 'someone-else' })).toMatchObject({
			status: 403,
			message: NOT_HOST,
		});
		expect(await refusal('share/meeting/1234567890/participants', { topic: 'x', host_id: 'y' })).toEqual(
			notFound,
		);
		const path = `share/meeting/${meeting.meeting_id}/participants`;
		expect(await refusal(path, { host_id: meeting.host_id })).toEqual(invalid('topic is required'));
		expect(await refusal(path, { topic: 'x' })).toEqual(invalid('host_id is required'));
		expect(await refusal(path, { topic: 'x', host_id: meeting.host_id, meeting_id: '1' })).toEqual(
			invalid('unknown parameter(s): meeting_id'),
		);
	});
});

describe('share/meetingdetail by meeting number and type (monitoring page)', () => {
	test('an ended meeting: its report in UTC, attendees in pages', async () => {
		const meeting = await heldMeeting({ recording: 'cloud' });
		const page1 = await ok('share/meetingdetail', {
			meeting_id: meeting.meeting_id,
			type: '2',
			page_size: '2',
			page_number: '1',
		});
		const total = page1.participants_count as number;
		expect(page1).toMatchObject({
			uuid: recordUuid(meeting.meeting_id),
			id: Number(meeting.meeting_id),
			type: 'Past Meeting',
			user_type: 'Corp',
			start_time: '2026-12-01T02:00:00Z',
			end_time: '2026-12-01T02:45:00Z',
			duration: 45,
			recording: 1,
			page_count: Math.ceil(total / 2),
			page_number: 1,
			page_size: 2,
		});
		expect(page1.participants).toHaveLength(2);
		expect(page1.participants[0]).toEqual({
			id: '',
			user_id: expect.any(String),
			user_name: expect.any(String),
			device: expect.any(String),
			ip_address: expect.any(String),
			cn: 'CN',
			city: expect.any(String),
			network_type: expect.any(String),
			join_time: expect.stringMatching(/Z$/),
			leave_time: expect.stringMatching(/Z$/),
		});
		const pages = [page1];
		for (let page = 2; page <= page1.page_count; page++) {
			pages.push(
				await ok('share/meetingdetail', {
					meeting_id: meeting.meeting_id,
					type: '2',
					page_size: '2',
					page_number: String(page),
				}),
			);
		}
		const everyone = pages.flatMap((page) => page.participants);
		expect(everyone).toHaveLength(total);
		const listed = (await participantsOf(meeting)).data.participants_list as Array<{ user_id: string }>;
		expect(everyone.map((p) => p.user_id)).toEqual(listed.map((p) => p.user_id));
		for (const person of everyone) expectInside(person.join_time, person.leave_time);
	});

	test('defaults: 30 attendees a page, page 1', async () => {
		const meeting = await heldMeeting();
		expect(await ok('share/meetingdetail', { meeting_id: meeting.meeting_id, type: '2' })).toMatchObject({
			page_size: 30,
			page_number: 1,
			page_count: 1,
			recording: 0,
		});
	});

	test('a meeting in progress has a live report; a scheduled or ended one has none', async () => {
		const live = await ok('share/instant', { topic: 'Bridge', meeting_capacity: '5' });
		expect(await ok('share/meetingdetail', { meeting_id: live.meeting_id, type: '1' })).toMatchObject({
			uuid: recordUuid(live.meeting_id),
			type: 'Live Meeting',
			start_time: '2026-11-30T00:00:00Z',
			end_time: '',
			duration: null,
			participants_count: 0,
			participants: [],
		});
		const scheduled = await schedule();
		expect(await refusal('share/meetingdetail', { meeting_id: scheduled.meeting_id, type: '1' })).toEqual({
			status: 404,
			message: NOT_LIVE,
		});
		expect(await refusal('share/meetingdetail', { meeting_id: scheduled.meeting_id, type: '2' })).toEqual({
			status: 404,
			message: NOT_HELD,
		});
	});

	test.each([
		[{ type: '2' }, 'meeting_id is required'],
		[{ meeting_id: '1770000001' }, 'type is required'],
		[{ meeting_id: '1770000001', type: '3' }, 'type must be "1" or "2", got "3"'],
		[{ meeting_id: '1770000001', type: '2', page_size: 'ten' }, 'page_size must be an integer, got "ten"'],
		[{ meeting_id: '1770000001', type: '2', page_number: '0' }, 'page_number out of range: 0'],
		[{ meeting_id: '1770000001', type: '2', host_id: 'x' }, 'unknown parameter(s): host_id'],
		[{ uuid: 'abcdefgh12==', meeting_id: '1770000001' }, UUID_ALONE],
		[{ uuid: 'abcdefgh12==', page_size: '10' }, UUID_ALONE],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('share/meetingdetail', fields)).toEqual(invalid(message));
	});

	test('an unknown meeting number', async () => {
		expect(await refusal('share/meetingdetail', { meeting_id: '1234567890', type: '2' })).toEqual(notFound);
	});
});

describe('share/meetingdetail by uuid (statistics page)', () => {
	test('one or more held meetings, comma separated, with service texts', async () => {
		const single = await heldMeeting();
		const series = await schedule({ topic: 'Stand-up', recurrence_type: '1', end_times: '2' });
		const occurrence = series.occurrences![1];
		await ok('share/end', { id: occurrence.uuid });
		const uuids = [recordUuid(single.meeting_id), occurrence.uuid];
		const reports = await ok('share/meetingdetail', { uuid: uuids.join(',') });
		expect(reports).toHaveLength(2);
		expect(reports[0]).toMatchObject({
			duration: '45',
			start_time: '2026-12-01 10:00:00',
			end_time: '2026-12-01 10:45:00',
			id: single.meeting_id,
			uuid: uuids[0],
		});
		expect(reports[1]).toMatchObject({
			start_time: '2026-12-02 10:00:00',
			end_time: '2026-12-02 10:45:00',
			id: series.meeting_id,
			uuid: occurrence.uuid,
		});
		const [person] = reports[0].participants;
		expect(person).toEqual({
			leave_time: expect.stringMatching(/^2026-12-01 10:\d\d:\d\d$/),
			meeting_id: Number(single.meeting_id),
			name: expect.any(String),
			meeting_uuid: uuids[0],
			join_time: expect.stringMatching(/^2026-12-01 10:\d\d:\d\d$/),
		});
		expect(reports[0].participants_count).toBe(reports[0].participants.length);
		expect(reports[0].total_participants_deration).toBeGreaterThan(0);
		// The manual writes the separator as a full-width comma.
		expect(await ok('share/meetingdetail', { uuid: uuids.join('，') })).toEqual(reports);
	});

	test('an unknown uuid, or one of a meeting not yet held, is not found', async () => {
		const meeting = await schedule();
		expect(await refusal('share/meetingdetail', { uuid: recordUuid(meeting.meeting_id) })).toEqual(notFound);
		expect(await refusal('share/meetingdetail', { uuid: '' })).toEqual(invalid('uuid is required'));
	});
});

describe('share/participants (one held session, by uuid)', () => {
	const sessionParticipants = (uuid: string) => ok('share/participants', { uuid });

	test("the attendees of that session only, in the manual's shape, UTC times inside its span", async () => {
		const series = await schedule({ recurrence_type: '1', end_times: '3' });
		const [first, second] = series.occurrences!;
		await ok('share/end', { id: first.uuid });
		await ok('share/end', { id: second.uuid });
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		const people = (await sessionParticipants(second.uuid)) as Array<Record<string, any>>;
		const held = simulator.store.get(series.meeting_id)!.sessions!.find((s) => s.uuid === second.uuid)!;
		expect(people).toHaveLength(held.participants.length);
		const secondSpan = { from: '2026-12-02T02:00:00Z', to: '2026-12-02T02:45:00Z' };
		for (const person of people) {
			expect(person).toEqual({
				id: '',
				user_id: expect.stringMatching(/^\d+$/),
				user_name: expect.any(String),
				device: expect.any(String),
				ip_address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
				cn: 'CN',
				city: expect.any(String),
				network_type: expect.any(String),
				join_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
				leave_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
				share_application: false,
				share_desktop: expect.any(Boolean),
				share_whiteboard: false,
				recording: false,
			});
			expectInside(person.join_time, person.leave_time, secondSpan);
			const stored = held.participants.find((p) => p.user_id === person.user_id)!;
			expect(instant(person.join_time)).toBe(DateTime.fromISO(stored.join).toMillis());
			expect(instant(person.leave_time)).toBe(DateTime.fromISO(stored.leave).toMillis());
		}
		const joins = people.map((p) => instant(p.join_time));
		expect(joins).toEqual([...joins].sort((a, b) => a - b));
		// The first occurrence has its own attendees, inside its own span.
		for (const person of await sessionParticipants(first.uuid))
			expectInside(person.join_time, person.leave_time);
	});

	test('a single meeting is one session, by the uuid of its record: the people the meeting lists', async () => {
		const meeting = await heldMeeting();
		const people = await sessionParticipants(recordUuid(meeting.meeting_id));
		const listed = (await participantsOf(meeting)).data.participants_list as Array<Record<string, string>>;
		expect(people.map((p: { user_id: string }) => p.user_id)).toEqual(listed.map((p) => p.user_id));
		expect(people.map((p: { join_time: string }) => instant(p.join_time))).toEqual(
			listed.map((p) => instant(p.join_time)),
		);
	});

	test('the whole list at once, however many attended: no paging', async () => {
		const meeting = await heldMeeting();
		const session = simulator.store.get(meeting.meeting_id)!.sessions![0];
		session.participants = attendees('crowd', session, 120);
		expect(await sessionParticipants(session.uuid)).toHaveLength(120);
		expect(await refusal('share/participants', { uuid: session.uuid, page_number: '2' })).toEqual(
			invalid('unknown parameter(s): page_number'),
		);
	});

	test('a uuid of a meeting not yet held, an unknown one, or several at once are not found', async () => {
		const scheduled = await schedule();
		const held = await heldMeeting();
		for (const uuid of [
			recordUuid(scheduled.meeting_id),
			'unknownuuid1234==',
			held.meeting_id,
			`${recordUuid(held.meeting_id)},${recordUuid(held.meeting_id)}`,
		]) {
			expect(await refusal('share/participants', { uuid })).toEqual(notFound);
		}
	});

	test.each([
		[{}, 'uuid is required'],
		[{ uuid: ' ' }, 'uuid is required'],
		[{ uuid: 'abcdefgh12==', type: 'past' }, 'unknown parameter(s): type'],
		[{ uuid: 'abcdefgh12==', meeting_id: '1770000001' }, 'unknown parameter(s): meeting_id'],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('share/participants', fields)).toEqual(invalid(message));
	});
});

describe('cloud/recording', () => {
	test('a meeting booked with cloud recording has files once it ended, times in UTC', async () => {
		const meeting = await schedule({ recording: 'cloud' });
		const before = await ok('cloud/recording', {
			meeting_id: meeting.meeting_id,
			start_time: '2026-12-01 00:00:00',
		});
		expect(before).toEqual([]);
		await ok('share/end', { id: meeting.meeting_id });
		const files = await ok('cloud/recording', {
			meeting_id: meeting.meeting_id,
			start_time: '2026-12-01 00:00:00',
		});
		expect(files).toHaveLength(2);
		for (const file of files) {
			expect(file).toEqual({
				id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
				meeting_id: recordUuid(meeting.meeting_id),
				recording_start: expect.stringMatching(/^2026-12-01T02:0\d:\d\dZ$/),
				recording_end: expect.stringMatching(/^2026-12-01T02:4\d:\d\dZ$/),
				file_type: expect.stringMatching(/^(MP4|M4A)$/),
				file_size: expect.any(Number),
				play_url: expect.stringMatching(new RegExp(`^${simulator.url}/recording/play/[\\w-]+$`)),
				download_url: expect.stringMatching(new RegExp(`^${simulator.url}/recording/download/[\\w-]+$`)),
				status: 'completed',
			});
			expectInside(file.recording_start, file.recording_end);
			expect(Number.isInteger(file.file_size) && file.file_size > 0).toBe(true);
		}
		expect(files.map((f: { file_type: string }) => f.file_type)).toEqual(['MP4', 'M4A']);
		// By the uuid of the held meeting: the same files.
		expect(
			await ok('cloud/recording', {
				meeting_id: recordUuid(meeting.meeting_id),
				start_time: '2026-12-01 00:00:00',
			}),
		).toEqual(files);
		// start_time (a service text) is the earliest recording start wanted.
		expect(
			await ok('cloud/recording', { meeting_id: meeting.meeting_id, start_time: '2026-12-01 10:10:00' }),
		).toEqual([]);
	});

	test('a meeting without cloud recording has none, even ended', async () => {
		const meeting = await heldMeeting({ recording: 'none' });
		const other = await heldMeeting();
		for (const id of [meeting.meeting_id, other.meeting_id]) {
			expect(await ok('cloud/recording', { meeting_id: id, start_time: '2026-01-01 00:00:00' })).toEqual([]);
		}
	});

	test('a series: an occurrence uuid gives its own files, the number those of every ended occurrence', async () => {
		const series = await schedule({ recording: 'cloud', recurrence_type: '1', end_times: '3' });
		const [first, second] = series.occurrences!;
		await ok('share/end', { id: first.uuid });
		await ok('share/end', { id: second.uuid });
		const all = await ok('cloud/recording', {
			meeting_id: series.meeting_id,
			start_time: '2026-11-01 00:00:00',
		});
		expect(all.map((f: { meeting_id: string }) => f.meeting_id)).toEqual([
			first.uuid,
			first.uuid,
			second.uuid,
			second.uuid,
		]);
		const one = await ok('cloud/recording', { meeting_id: second.uuid, start_time: '2026-11-01 00:00:00' });
		expect(one).toEqual(all.slice(2));
		expect(one[0].recording_start).toMatch(/^2026-12-02T02:0\d:\d\dZ$/);
	});

	test.each([
		[{ meeting_id: '1770000001' }, 'start_time is required'],
		[
			{ meeting_id: '1770000001', start_time: '2026-12-01T10:00:00Z' },
			'start_time must look like 2017-08-19 00:00:00, got "2026-12-01T10:00:00Z"',
		],
		[{ start_time: '2026-12-01 10:00:00' }, 'meeting_id is required'],
		[
			{ meeting_id: '1770000001', start_time: '2026-12-01 10:00:00', uuid: 'x' },
			'unknown parameter(s): uuid',
		],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('cloud/recording', fields)).toEqual(invalid(message));
	});

	test('an unknown meeting or uuid is not found', async () => {
		for (const id of ['1234567890', 'unknownuuid1234==']) {
			expect(await refusal('cloud/recording', { meeting_id: id, start_time: '2026-12-01 10:00:00' })).toEqual(
				notFound,
			);
		}
	});
});

describe('what ending leaves', () => {
	test('deleting a meeting leaves nothing; ending a series by number holds its next open occurrence', async () => {
		const cancelled = await schedule({ recording: 'cloud' });
		await ok('share/delete', { id: cancelled.meeting_id });
		expect(simulator.store.get(cancelled.meeting_id)!.sessions).toBeUndefined();

		const series = await schedule({ recording: 'cloud', recurrence_type: '1', end_times: '3' });
		await ok('share/end', { id: series.occurrences![0].uuid });
		await ok('share/end', { id: series.meeting_id });
		expect(simulator.store.get(series.meeting_id)!.sessions!.map((s) => s.uuid)).toEqual([
			series.occurrences![0].uuid,
			series.occurrences![1].uuid,
		]);
	});

	test('a refused end leaves nothing more', async () => {
		const meeting = await heldMeeting();
		expect(await refusal('share/end', { id: meeting.meeting_id })).toEqual(invalid('meeting already ended'));
		expect(simulator.store.get(meeting.meeting_id)!.sessions).toHaveLength(1);
	});
});
