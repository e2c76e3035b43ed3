import { UMeetingSimulator } from '../simulator';
import { clockText, heldRecords } from '../simulator/endpoints/reports';
import { simulatorCalls } from '../helpers/simulatorCalls';

/** An instant given as wall time in Asia/Shanghai, the simulator's default service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const simulator = new UMeetingSimulator({ now: () => shanghai('2026-12-10 12:00:00') });

beforeAll(async () => {
	await simulator.start();
});
afterAll(async () => {
	await simulator.stop();
});
beforeEach(() => simulator.reset());

const { ok, refusal } = simulatorCalls(simulator);

const invalid = (message: string) => ({ status: 400, message });

/** Schedules a meeting (start in the service zone) and ends it: it has then been held. */
async function held(start: string, fields: Record<string, string> = {}) {
	const { meeting_id } = await ok('share/schedule', {
		topic: `Review ${start}`,
		meeting_capacity: '10',
		start_time: start,
		duration: '45',
		...fields,
	});
	await ok('share/end', { id: meeting_id });
	return meeting_id as string;
}

/** What the store holds for a meeting: its held records (with attendees if the store keeps them). */
const recordsOf = (meetingId: string) =>
	heldRecords(simulator.store.all(), simulator.clock).filter((r) => r.meeting.id === meetingId);

const ENDPOINTS = ['share/detail', 'share/summary', 'share/hisMeeting', 'metrics/meetings'];
const period = { from: '2026-12-01', to: '2026-12-10' };

describe.each(ENDPOINTS)('%s: strict form', (path) => {
	test('an unknown key is refused', async () => {
		expect(await refusal(path, { ...period, user_key: 'x' })).toEqual(
			invalid('unknown parameter(s): user_key'),
		);
	});

	test('a date that is not yyyy-MM-dd is refused, as is a date that does not exist', async () => {
		expect(await refusal(path, { from: '2026-12-01 00:00:00', to: period.to })).toEqual(
			invalid('from must look like 2018-01-01, got "2026-12-01 00:00:00"'),
		);
		expect(await refusal(path, { from: '2026-12-1', to: period.to })).toEqual(
			invalid('from must look like 2018-01-01, got "2026-12-1"'),
		);
		expect(await refusal(path, { from: period.from, to: '2026-02-30' })).toEqual(
			invalid('to is not a real date: "2026-02-30"'),
		);
	});

	test('from after to is refused', async () => {
		expect(await refusal(path, { from: '2026-12-05', to: '2026-12-04' })).toEqual(
			invalid('from must not be after to'),
		);
	});
});

describe.each(['share/hisMeeting', 'metrics/meetings'])('%s: required period', (path) => {
	test('from and to are both required', async () => {
		expect(await refusal(path, { to: period.to })).toEqual(invalid('from is required'));
		expect(await refusal(path, { from: period.from })).toEqual(invalid('to is required'));
	});
});

describe.each(['share/detail', 'share/summary'])('%s: paging and optional fields', (path) => {
	test('without from and to the period is the service day of the clock', async () => {
		const data = await ok(path);
		expect(data).toMatchObject({ from: '2026-12-10', to: '2026-12-10', page_number: 1, page_size: 30 });
	});

	test('page_size and page_number must be whole numbers of at least 1', async () => {
		expect(await refusal(path, { page_size: '0' })).toEqual(invalid('page_size out of range: 0'));
		expect(await refusal(path, { page_number: 'two' })).toEqual(
			invalid('page_number must be an integer, got "two"'),
		);
	});

	test('an empty host_id is refused', async () => {
		expect(await refusal(path, { host_id: ' ' })).toEqual(invalid('host_id must not be empty'));
	});

	test('a period longer than one month is cut to its last month', async () => {
		const data = await ok(path, { from: '2026-09-01', to: '2026-12-10' });
		expect(data).toMatchObject({ from: '2026-11-10', to: '2026-12-10' });
	});
});

describe('share/detail', () => {
	test('lists held meetings of the period by start, not cancelled or scheduled ones', async () => {
		const first = await held('2026-12-02 09:00:00');
		const second = await held('2026-12-01 15:30:00', { recording: 'cloud' });
		await held('2026-11-30 23:59:59'); // the day before the period
		const { meeting_id: cancelled } = await ok('share/schedule', {
			topic: 'Called off',
			meeting_capacity: '5',
			start_time: '2026-12-03 10:00:00',
			duration: '45',
		});
		await ok('share/delete', { id: cancelled });
		await ok('share/schedule', {
			topic: 'Still ahead',
			meeting_capacity: '5',
			start_time: '2026-12-04 10:00:00',
			duration: '45',
		});

		const data = await ok('share/detail', period);
		expect(data).toMatchObject({
			from: '2026-12-01',
			to: '2026-12-10',
			total_record: 2,
			total_page: 1,
			has_previous_page: false,
			has_next_page: false,
		});
		const meeting = simulator.store.get(second)!;
		expect(data.meetings[0]).toEqual({
			uuid: recordsOf(second)[0].uuid,
			host_id: meeting.host_id,
			meeting_id: second,
			topic: 'Review 2026-12-01 15:30:00',
			start_time: '2026-12-01 15:30:00',
			duration: 45,
			end_time: '2026-12-01 16:15:00',
			is_extra: 0,
		});
		expect(data.meetings[1].meeting_id).toBe(first);
	});

	test('participants and phone calls only on request; attendees are those the store holds', async () => {
		const id = await held('2026-12-02 09:00:00');
		const [plain] = (await ok('share/detail', period)).meetings;
		expect(plain).not.toHaveProperty('participants');
		expect(plain).not.toHaveProperty('telephony_usage');
		const [full] = (
			await ok('share/detail', { ...period, show_participants: 'true', show_telephony_usage: 'true' })
		).meetings;
		const attendees = recordsOf(id)[0].attendees;
		expect(full.participants).toHaveLength(attendees.length);
		for (const person of full.participants) {
			expect(person).toEqual({
				name: expect.any(String),
				join_time: expect.stringMatching(/^2026-12-02 \d{2}:\d{2}:\d{2}$/),
				leave_time: expect.stringMatching(/^2026-12-02 \d{2}:\d{2}:\d{2}$/),
			});
		}
		expect(full.telephony_usage).toEqual([]);
		expect(await refusal('share/detail', { show_participants: 'yes' })).toEqual(
			invalid('show_participants must be "true" or "false", got "yes"'),
		);
	});

	test('host_id keeps one room; pages of page_size', async () => {
		const ids = [];
		for (let day = 1; day <= 5; day++) ids.push(await held(`2026-12-0${day} 10:00:00`));
		const room = simulator.store.get(ids[2])!.host_id;
		const one = await ok('share/detail', { ...period, host_id: room });
		expect(one.meetings.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([ids[2]]);

		const page2 = await ok('share/detail', { ...period, page_size: '2', page_number: '2' });
		expect(page2).toMatchObject({
			total_record: 5,
			total_page: 3,
			page_number: 2,
			page_size: 2,
			has_previous_page: true,
			has_next_page: true,
		});
		expect(page2.meetings.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([ids[2], ids[3]]);
		const page3 = await ok('share/detail', { ...period, page_size: '2', page_number: '3' });
		expect(page3.has_next_page).toBe(false);
		expect(page3.meetings).toHaveLength(1);
	});
});

describe('share/summary', () => {
	test('totals per room and over all rooms, from the held meetings', async () => {
		const a = await held('2026-12-02 09:00:00');
		const b = await held('2026-12-03 09:00:00');
		const data = await ok('share/summary', period);
		const attendees = (id: string) => recordsOf(id)[0].attendees.length;
		expect(data).toMatchObject({
			total_record: data.rooms.length,
			total_meetings: 2,
			total_participants: attendees(a) + attendees(b),
			total_meeting_minutes: 90,
		});
		const rooms = new Set([a, b].map((id) => simulator.store.get(id)!.host_id));
		expect(data.rooms).toHaveLength(rooms.size);
		expect(data.rooms[0]).toEqual({
			host_id: expect.any(String),
			is_extra: 0,
			meetings: expect.any(Number),
			participants: expect.any(Number),
			meeting_minutes: expect.any(Number),
			audio_participants: 0,
			audio_total_duration: 0,
			total_fee: 0,
		});
		const room = simulator.store.get(a)!.host_id;
		const only = await ok('share/summary', { ...period, host_id: room });
		expect(only.rooms.map((r: { host_id: string }) => r.host_id)).toEqual([room]);
	});
});

describe('share/hisMeeting', () => {
	test('one row per held meeting, typed as the manual shows', async () => {
		const id = await held('2026-12-02 09:00:00', { recording: 'cloud', meeting_capacity: '25' });
		const data = await ok('share/hisMeeting', period);
		expect(data).toEqual([
			{
				uuid: recordsOf(id)[0].uuid,
				id: Number(id),
				host: expect.any(String),
				email: expect.stringContaining('@'),
				user_type: 'Corp',
				start_time: '2026-12-02 09:00:00',
				end_time: '2026-12-02 09:45:00',
				duration: 45,
				participants: recordsOf(id)[0].attendees.length,
				has_pstn: false,
				has_voip: expect.any(Boolean),
				has_3rd_party_audio: false,
				has_video: false,
				has_screen_share: expect.any(Boolean),
				recording: 1,
				meeting_capacity: 25,
			},
		]);
	});
});

describe('where the statistics come from', () => {
	/** Sets (or with undefined removes) the held records a meeting carries, whatever the store keeps. */
	const setSessions = (id: string, sessions: unknown) => {
		(simulator.store.get(id) as unknown as { sessions?: unknown }).sessions = sessions;
	};

	test('held records with attendees when the meeting carries them; their times, not the booking', async () => {
		const id = await held('2026-12-02 09:00:00');
		setSessions(id, [
			{
				uuid: 'cmVjb3JkLW9uZS1oZXJl==',
				start_time: '2026-12-02 09:00:00',
				start: '2026-12-02T01:00:00Z',
				end: '2026-12-02T01:30:00Z',
				duration: 45,
				participants: [
					{ user_name: 'Ann', join: '2026-12-02T01:01:00Z', leave: '2026-12-02T01:20:00Z' },
					{
						user_name: 'Bo',
						join: '2026-12-02T01:05:00Z',
						leave: '2026-12-02T01:29:00Z',
						share_desktop: true,
					},
				],
				recordings: [],
			},
		]);
		const [row] = await ok('share/hisMeeting', period);
		expect(row).toMatchObject({
			uuid: 'cmVjb3JkLW9uZS1oZXJl==',
			end_time: '2026-12-02 09:30:00',
			duration: 30,
			participants: 2,
			has_voip: true,
			has_screen_share: true,
		});
		const [detailRow] = (await ok('share/detail', { ...period, show_participants: 'true' })).meetings;
		expect(detailRow.participants).toEqual([
			{ name: 'Ann', join_time: '2026-12-02 09:01:00', leave_time: '2026-12-02 09:20:00' },
			{ name: 'Bo', join_time: '2026-12-02 09:05:00', leave_time: '2026-12-02 09:29:00' },
		]);
		expect(await ok('share/summary', period)).toMatchObject({
			total_meetings: 1,
			total_participants: 2,
			total_meeting_minutes: 30,
		});
	});

	test('an ended meeting without records counts as held from its start for its duration, nobody listed', async () => {
		const id = await held('2026-12-02 09:00:00');
		setSessions(id, undefined);
		const [row] = await ok('share/hisMeeting', period);
		expect(row).toMatchObject({
			uuid: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
			start_time: '2026-12-02 09:00:00',
			end_time: '2026-12-02 09:45:00',
			duration: 45,
			participants: 0,
			has_voip: false,
		});
	});
});

describe('metrics/meetings', () => {
	test('past: held meetings with UTC times and the length as a clock text', async () => {
		const id = await held('2026-12-02 09:00:00');
		const [row] = await ok('metrics/meetings', { ...period, type: 'past' });
		expect(row).toMatchObject({
			uuid: recordsOf(id)[0].uuid,
			id: Number(id),
			topic: 'Review 2026-12-02 09:00:00',
			user_type: '企业用户',
			start_time: '2026-12-02T01:00:00Z',
			end_time: '2026-12-02T01:45:00Z',
			duration: '45:00',
			has_recording: false,
			has_sip: false,
		});
	});

	test('live (the default): running meetings, without an end', async () => {
		const { meeting_id } = await ok('share/instant', { topic: 'Now', meeting_capacity: '5' });
		await held('2026-12-02 09:00:00');
		const rows = await ok('metrics/meetings', period);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: Number(meeting_id),
			start_time: '2026-12-10T04:00:00Z',
			duration: '00:00',
		});
		expect(rows[0]).not.toHaveProperty('end_time');
		expect(await refusal('metrics/meetings', { ...period, type: 'ended' })).toEqual(
			invalid('type must be "live" or "past", got "ended"'),
		);
	});

	test('clock texts: minutes and seconds under an hour, hours beyond', () => {
		expect(clockText(85)).toBe('01:25');
		expect(clockText(14_108)).toBe('03:55:08');
	});
});
