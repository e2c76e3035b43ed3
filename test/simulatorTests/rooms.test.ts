import { UMeetingSimulator } from '../simulator';
import { LIVE_STREAM_NOT_FOUND } from '../simulator/endpoints/liveStream';
import { roomsOf } from '../simulator/endpoints/rooms';
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

const invalid = (message: string) => ({ status: 400, message });

async function schedule(fields: Record<string, string> = {}): Promise<string> {
	const data = await ok('share/schedule', {
		topic: 'Weekly sync',
		meeting_capacity: '8',
		start_time: '2026-12-01 10:00:00',
		duration: '60',
		...fields,
	});
	return data.meeting_id;
}

const free = (fields: Record<string, string> = {}) =>
	ok('share/freeRooms', {
		meeting_capacity: '8',
		start_time: '2026-12-01 10:00:00',
		duration: '60',
		...fields,
	});

/** Each room's name with the ids of the meetings in it. */
async function occupancy(): Promise<Record<string, string[]>> {
	const rooms = (await ok('share/rooms')) as Array<{ first_name: string; meetings: Array<{ id: string }> }>;
	return Object.fromEntries(rooms.map((room) => [room.first_name, room.meetings.map((m) => m.id)]));
}

describe('licensing', () => {
	test('answers the default license as the manual shows it: payType text, expiry null, rooms per capacity', async () => {
		expect(await ok('licensing')).toEqual({
			payType: '1',
			expire_date: null,
			capacity: { '10': 3, '50': 2, '100': 1 },
		});
	});

	test('answers the license the store holds; reset brings the default back', async () => {
		simulator.store.license = { payType: '3', expire_date: '2027-06-30 23:59:59', capacity: { '25': 1 } };
		expect(await ok('licensing')).toEqual({
			payType: '3',
			expire_date: '2027-06-30 23:59:59',
			capacity: { '25': 1 },
		});
		simulator.reset();
		expect((await ok('licensing')).payType).toBe('1');
	});

	test('an unknown parameter is refused', async () => {
		expect(await refusal('licensing', { meeting_capacity: '10' })).toEqual(
			invalid('unknown parameter(s): meeting_capacity'),
		);
	});
});

describe('share/rooms', () => {
	test('one room per licensed seat of each size, smallest first, numbers as strings, nothing booked', async () => {
		const rooms = await ok('share/rooms');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		expect(rooms.map((r: any) => [r.first_name, r.meeting_capacity, r.meetings])).toEqual([
			['1', '10', []],
			['2', '10', []],
			['3', '10', []],
			['4', '50', []],
			['5', '50', []],
			['6', '100', []],
		]);
		expect(rooms[0]).toEqual({
			id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
			email: 'shareroom1@rooms.umeeting.test',
			first_name: '1',
			meeting_capacity: '10',
			meetings: [],
		});
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		expect(new Set(rooms.map((r: any) => r.id)).size).toBe(6);
		// The same license gives the same rooms, so ids a workflow kept stay valid.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		expect(rooms.map((r: any) => r.id)).toEqual(roomsOf(simulator.store.license).map((r) => r.id));
	});

	test('a meeting sits in the smallest room size that fits it, shown as the manual shows a booking', async () => {
		const small = await schedule({ meeting_capacity: '8', topic: 'Small' });
		const middle = await schedule({ meeting_capacity: '11', topic: 'Middle' });
		const exact = await schedule({ meeting_capacity: '100', topic: 'Large' });
		const tooLarge = await schedule({ meeting_capacity: '101', topic: 'Too large' });
		expect(await occupancy()).toEqual({
			'1': [small],
			'2': [],
			'3': [],
			'4': [middle],
			'5': [],
			'6': [exact],
		});
		const rooms = await ok('share/rooms');
		expect(rooms[0].meetings[0]).toEqual({
			duration: '60',
			start_time: '2026-12-01 10:00:00',
			host_key: expect.stringMatching(/^\d{6}$/),
			topic: 'Small',
			meeting_capacity: '8',
			id: small,
			type: '2',
			status: '0',
		});
		expect(JSON.stringify(rooms)).not.toContain(tooLarge);
	});

	test('overlapping meetings take different rooms; back-to-back ones share a room', async () => {
		const first = await schedule({ start_time: '2026-12-01 10:00:00', duration: '60' });
		const overlapping = await schedule({ start_time: '2026-12-01 10:59:00', duration: '60' });
		const afterFirst = await schedule({ start_time: '2026-12-01 11:00:00', duration: '45' });
		expect(await occupancy()).toMatchObject({ '1': [first, afterFirst], '2': [overlapping], '3': [] });
	});

	test('a running instant meeting holds a room; ended and deleted meetings free theirs', async () => {
		const running = (await ok('share/instant', { topic: 'Now', meeting_capacity: '5' })).meeting_id;
		const later = await schedule({ start_time: '2026-11-30 08:30:00', duration: '45' });
		const ended = await schedule({ start_time: '2026-12-02 10:00:00' });
		expect(await occupancy()).toMatchObject({ '1': [running, ended], '2': [later] });
		await ok('share/end', { id: ended });
		await ok('share/delete', { id: running });
		expect(await occupancy()).toMatchObject({ '1': [later], '2': [] });
		const [row] = (await ok('share/rooms'))[0].meetings;
		expect(row).toMatchObject({ id: later, status: '0' });
	});

	test('each open occurrence of a series is a booking of its own', async () => {
		const data = await ok('share/schedule', {
			topic: 'Daily',
			meeting_capacity: '8',
			start_time: '2026-12-01 09:00:00',
			duration: '60',
			recurrence_type: '1',
			daily_type: '1',
			end_times: '3',
		});
		const [, second] = data.occurrences;
		await ok('share/delete', { id: second.uuid });
		const [room] = await ok('share/rooms');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		expect(room.meetings.map((m: any) => [m.id, m.start_time])).toEqual([
			[data.meeting_id, '2026-12-01 09:00:00'],
			[data.meeting_id, '2026-12-03 09:00:00'],
		]);
	});

	test('an unknown parameter is refused', async () => {
		expect(await refusal('share/rooms', { page_size: '10' })).toEqual(
			invalid('unknown parameter(s): page_size'),
		);
	});
});

describe('share/freeRooms', () => {
	test('counts the rooms of the size the capacity takes, and how many are free for the whole time', async () => {
		expect(await free({ meeting_capacity: '8' })).toEqual({ total: 3, free: 3 });
		expect(await free({ meeting_capacity: '10' })).toEqual({ total: 3, free: 3 });
		expect(await free({ meeting_capacity: '11' })).toEqual({ total: 2, free: 2 });
		expect(await free({ meeting_capacity: '100' })).toEqual({ total: 1, free: 1 });
		expect(await free({ meeting_capacity: '101' })).toEqual({ total: 0, free: 0 });
	});

	test('free rooms shrink as meetings are booked, and come back when one is deleted or ended', async () => {
		const ids: string[] = [];
		for (const expected of [3, 2, 1, 0]) {
			expect(await free()).toEqual({ total: 3, free: expected });
			if (expected > 0) ids.push(await schedule({ topic: `Booking ${ids.length}` }));
		}
		// Another room size is not touched by these bookings.
		expect(await free({ meeting_capacity: '50' })).toEqual({ total: 2, free: 2 });
		await ok('share/delete', { id: ids[1] });
		expect(await free()).toEqual({ total: 3, free: 1 });
		await ok('share/end', { id: ids[0] });
		expect(await free()).toEqual({ total: 3, free: 2 });
	});

	test('only bookings overlapping the asked time count; a time next to a booking is free', async () => {
		await schedule({ start_time: '2026-12-01 10:00:00', duration: '60' });
		expect(await free({ start_time: '2026-12-01 10:30:00', duration: '31' })).toEqual({ total: 3, free: 2 });
		expect(await free({ start_time: '2026-12-01 11:00:00', duration: '60' })).toEqual({ total: 3, free: 3 });
		expect(await free({ start_time: '2026-12-01 09:00:00', duration: '60' })).toEqual({ total: 3, free: 3 });
		expect(await free({ start_time: '2026-12-01 09:00:00', duration: '61' })).toEqual({ total: 3, free: 2 });
	});

	test('a room free for part of the time only is not free', async () => {
		simulator.store.license = { payType: '1', expire_date: null, capacity: { '10': 1 } };
		await schedule({ start_time: '2026-12-01 12:00:00', duration: '60' });
		expect(await free({ start_time: '2026-12-01 10:00:00', duration: '180' })).toEqual({ total: 1, free: 0 });
	});

	test('the license decides the rooms', async () => {
		simulator.store.license = { payType: '1', expire_date: null, capacity: { '25': 5, '300': 0, '500': 1 } };
		expect(await free({ meeting_capacity: '26' })).toEqual({ total: 1, free: 1 });
		expect(await free({ meeting_capacity: '3' })).toEqual({ total: 5, free: 5 });
	});

	test.each([
		[{ meeting_capacity: 'left out' }, 'meeting_capacity is required'],
		[{ start_time: 'left out' }, 'start_time is required'],
		[{ duration: 'left out' }, 'duration is required'],
		[{ meeting_capacity: '0' }, 'meeting_capacity out of range: 0'],
		[{ meeting_capacity: '8.5' }, 'meeting_capacity must be an integer, got "8.5"'],
		[{ duration: '30' }, 'duration must be greater than 30, got 30'],
		[{ duration: 'an hour' }, 'duration must be an integer, got "an hour"'],
		[
			{ start_time: '2026-12-01T10:00:00' },
			'start_time must look like 2017-08-19 00:00:00, got "2026-12-01T10:00:00"',
		],
		[{ start_time: '2026-02-30 10:00:00' }, 'start_time is not a real date and time: "2026-02-30 10:00:00"'],
		[{ topic: 'x' }, 'unknown parameter(s): topic'],
	])('%j is refused', async (change, message) => {
		const fields: Record<string, string> = {
			meeting_capacity: '8',
			start_time: '2026-12-01 10:00:00',
			duration: '60',
		};
		for (const [key, value] of Object.entries(change)) {
			if (value === 'left out') delete fields[key];
			else fields[key] = value;
		}
		expect(await refusal('share/freeRooms', fields)).toEqual(invalid(message));
	});
});

describe('live/{live_id}/delete', () => {
	async function streamed(path: 'share/schedule' | 'share/instant') {
		const fields: Record<string, string> =
			path === 'share/schedule'
				? { topic: 'Launch', meeting_capacity: '8', start_time: '2026-12-01 10:00:00', duration: '60' }
				: { topic: 'Launch', meeting_capacity: '8' };
		return (await ok(path, { ...fields, allow_live_streaming: 'true' })) as {
			meeting_id: string;
			live_id: string;
		};
	}

	test.each(['share/schedule', 'share/instant'] as const)(
		'deletes the stream of a meeting from %s: get then shows no stream, and the id is gone',
		async (path) => {
			const { meeting_id, live_id } = await streamed(path);
			expect(await ok('share/get', { meeting_id })).toHaveProperty('play_addr');
			const body = await post(`live/${live_id}/delete`);
			expect(body).toEqual({ status: 200, message: 'OK', data: null });
			const details = await ok('share/get', { meeting_id });
			expect(details).not.toHaveProperty('play_addr');
			expect(details).not.toHaveProperty('watch_url');
			expect(details.allow_live_streaming).toBe('false');
			expect(simulator.store.get(meeting_id)!.live).toBeUndefined();
			expect(await refusal(`live/${live_id}/delete`)).toEqual({
				status: 404,
				message: LIVE_STREAM_NOT_FOUND,
			});
		},
	);

	test('turning streaming on again later opens a new stream with a new id', async () => {
		const { meeting_id, live_id } = await streamed('share/schedule');
		await ok(`live/${live_id}/delete`);
		await ok('share/update', {
			id: meeting_id,
			start_time: '2026-12-01 10:00:00',
			duration: '60',
			allow_live_streaming: 'true',
		});
		const fresh = simulator.store.get(meeting_id)!.live!;
		expect(fresh.live_id).not.toBe(live_id);
		expect(await ok('share/get', { meeting_id })).toMatchObject({ play_addr: fresh.play_addr });
	});

	test('a live id no meeting streams under is refused; other meetings keep their streams', async () => {
		const other = await streamed('share/schedule');
		expect(await refusal('live/99999999/delete')).toEqual({ status: 404, message: LIVE_STREAM_NOT_FOUND });
		expect(simulator.store.get(other.meeting_id)!.live!.live_id).toBe(other.live_id);
	});

	test('parameters in the form are refused, the live id belongs in the path', async () => {
		const { live_id } = await streamed('share/schedule');
		expect(await refusal(`live/${live_id}/delete`, { live_id })).toEqual(
			invalid('unknown parameter(s): live_id'),
		);
		expect(simulator.store.all()[0].live).toBeDefined();
	});
});
