import { MEETING_NOT_FOUND, UMeetingSimulator } from '../simulator';
import { INSTANT_DURATION, START_URL_WINDOW } from '../simulator/endpoints';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
type Body = { status: number; message: string; data?: any };

async function post(path: string, fields: Record<string, string>, target = simulator): Promise<Body> {
	const response = await fetch(`${target.url}/umeeting/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
		body: new URLSearchParams({ ...fields, api_key: target.apiKey, api_secret: target.apiSecret }),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Body;
}

async function ok(path: string, fields: Record<string, string> = {}) {
	const body = await post(path, fields);
	expect(body).toMatchObject({ status: 200, message: 'OK' });
	return body.data;
}

/** The refusal as status and message, so a test states both at once. */
async function refusal(path: string, fields: Record<string, string> = {}) {
	const { status, message, data } = await post(path, fields);
	expect(data).toBeUndefined();
	return { status, message };
}

const notFound = { status: 404, message: MEETING_NOT_FOUND };
const invalid = (message: string) => ({ status: 400, message });

const meeting = (fields: Record<string, string> = {}) => ({
	topic: 'Weekly sync',
	meeting_capacity: '10',
	start_time: '2026-12-01 10:00:00',
	duration: '45',
	...fields,
});

async function schedule(fields: Record<string, string> = {}) {
	return ok('share/schedule', meeting(fields));
}

const weekly = { recurrence_type: '2', weekly_days: '2,4', end_times: '3' };

describe('share/instant', () => {
	test('starts a meeting now, in progress, as the service zone tells time', async () => {
		const data = await ok('share/instant', {
			topic: 'Incident bridge',
			meeting_capacity: '8',
			allow_live_streaming: 'true',
		});
		expect(data).toEqual({
			host_key: expect.stringMatching(/^\d{6}$/),
			join_url: `${simulator.url}/j/${data.meeting_id}`,
			meeting_id: expect.stringMatching(/^\d{10}$/),
			start_time: '2026-11-30 08:00:00',
			host_id: expect.any(String),
			token: expect.any(String),
			start_url: expect.stringContaining('zak='),
			play_addr: expect.stringMatching(/live\.m3u8$/),
			watch_url: expect.any(String),
			live_id: expect.any(String),
		});
		expect(await ok('share/get', { meeting_id: data.meeting_id })).toMatchObject({
			status: '1',
			duration: String(INSTANT_DURATION),
			allow_live_streaming: 'true',
		});
		const [row] = (await ok('share/list')).meetings;
		expect(row).toMatchObject({ id: data.meeting_id, status: 1, type: '1' });
	});

	test('another service zone gives another wall time for the same instant', async () => {
		const newYork = new UMeetingSimulator({
			serviceTimeZone: 'America/New_York',
			now: () => shanghai('2026-11-30 08:00:00'),
		});
		await newYork.start();
		try {
			const { data } = await post('share/instant', { topic: 'Stand-up', meeting_capacity: '3' }, newYork);
			expect(data.start_time).toBe('2026-11-29 19:00:00');
		} finally {
			await newYork.stop();
		}
	});

	test.each([
		[{ meeting_capacity: '8' }, 'topic is required'],
		[{ topic: 'x' }, 'meeting_capacity is required'],
		[{ topic: 'x', meeting_capacity: '0' }, 'meeting_capacity out of range: 0'],
		[{ topic: 'x', meeting_capacity: '8', duration: '30' }, 'duration must be greater than 30, got 30'],
		[
			{ topic: 'x', meeting_capacity: '8', option_jbh: 'yes' },
			'option_jbh must be "true" or "false", got "yes"',
		],
		[
			{ topic: 'x', meeting_capacity: '8', user_key: '键'.repeat(67) },
			'user_key is longer than 200 bytes (201)',
		],
		[
			{ topic: 'x', meeting_capacity: '8', start_time: '2026-12-01 10:00:00' },
			'unknown parameter(s): start_time',
		],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('share/instant', fields)).toEqual(invalid(message));
		expect(simulator.store.created).toBe(0);
	});
});

describe('share/get', () => {
	test('answers the documented fields, numbers and flags as strings', async () => {
		const { meeting_id: id } = await schedule({
			password: '4711',
			user_key: 'crm-42',
			allow_live_streaming: 'true',
		});
		expect(await ok('share/get', { meeting_id: id })).toEqual({
			id,
			topic: 'Weekly sync',
			start_time: '2026-12-01 10:00:00',
			duration: '45',
			meeting_capacity: '10',
			password: '4711',
			join_url: `${simulator.url}/j/${id}`,
			user_key: 'crm-42',
			status: '0',
			del_flag: '0',
			allow_live_streaming: 'true',
			play_addr: expect.stringMatching(/live\.m3u8$/),
			watch_url: expect.any(String),
		});
	});

	test('unset fields come back empty, the way the manual shows them', async () => {
		const { meeting_id: id } = await schedule();
		const data = await ok('share/get', { meeting_id: id });
		expect(data).toMatchObject({ password: '', user_key: null, allow_live_streaming: 'false' });
		expect(data).not.toHaveProperty('play_addr');
	});

	test('refusals', async () => {
		expect(await refusal('share/get', { meeting_id: '1234567890' })).toEqual(notFound);
		expect(await refusal('share/get')).toEqual(invalid('meeting_id is required'));
		expect(await refusal('share/get', { id: '1' })).toEqual(invalid('unknown parameter(s): id'));
	});
});

describe('share/update', () => {
	const change = (id: string, fields: Record<string, string> = {}) => ({
		id,
		start_time: '2026-12-02 15:00:00',
		duration: '90',
		...fields,
	});

	test('changes the meeting and answers without data', async () => {
		const { meeting_id: id } = await schedule();
		const body = await post(
			'share/update',
			change(id, { topic: 'Moved sync', password: 'pw', user_key: 'crm-7' }),
		);
		expect(body).toEqual({ status: 200, message: 'OK' });
		expect(await ok('share/get', { meeting_id: id })).toMatchObject({
			topic: 'Moved sync',
			start_time: '2026-12-02 15:00:00',
			duration: '90',
			password: 'pw',
			user_key: 'crm-7',
			meeting_capacity: '10',
		});
	});

	test('start_time and duration are required, and the duration keeps its rule', async () => {
		const { meeting_id: id } = await schedule();
		expect(await refusal('share/update', { id, duration: '60' })).toEqual(invalid('start_time is required'));
		expect(await refusal('share/update', { id, start_time: '2026-12-02 15:00:00' })).toEqual(
			invalid('duration is required'),
		);
		expect(await refusal('share/update', change(id, { duration: '30' }))).toEqual(
			invalid('duration must be greater than 30, got 30'),
		);
		expect(await refusal('share/update', change(id, { start_time: '2026-12-02T15:00' }))).toEqual(
			invalid('start_time must look like 2017-08-19 00:00:00, got "2026-12-02T15:00"'),
		);
		expect(await refusal('share/update', change(id, { meeting_capacity: '5' }))).toEqual(
			invalid('unknown parameter(s): meeting_capacity'),
		);
		expect(await refusal('share/update', change(id, { topic: ' ' }))).toEqual(
			invalid('topic must not be empty'),
		);
	});

	test('recurrence fields make a series, a moved start moves it, an empty recurrence_type ends it', async () => {
		const { meeting_id: id } = await schedule();
		const startsOf = () => simulator.store.get(id)!.occurrences?.map((o) => o.start_time);

		await ok('share/update', change(id, weekly));
		expect(startsOf()).toEqual(['2026-12-03 15:00:00', '2026-12-08 15:00:00', '2026-12-10 15:00:00']);

		await ok('share/update', change(id, { start_time: '2026-12-07 09:00:00' }));
		expect(startsOf()).toEqual(['2026-12-08 09:00:00', '2026-12-10 09:00:00', '2026-12-15 09:00:00']);

		const uuids = simulator.store.get(id)!.occurrences!.map((o) => o.uuid);
		await ok('share/update', change(id, { start_time: '2026-12-07 09:00:00', topic: 'Same series' }));
		expect(simulator.store.get(id)!.occurrences!.map((o) => o.uuid)).toEqual(uuids);

		expect(await refusal('share/update', change(id, { recurrence_type: '', weekly_days: '1' }))).toEqual(
			invalid('weekly_days given without recurrence_type'),
		);
		await ok('share/update', change(id, { recurrence_type: '' }));
		expect(startsOf()).toBeUndefined();
		expect(simulator.store.get(id)!.recurrence).toBeUndefined();
	});

	test('a stored end date still has to follow a moved start', async () => {
		const { meeting_id: id } = await schedule({
			recurrence_type: '1',
			daily_type: '1',
			end_date_time: '2026-12-05 23:00:00',
		});
		expect(await refusal('share/update', change(id, { start_time: '2026-12-06 09:00:00' }))).toEqual(
			invalid('end_date_time must be after start_time'),
		);
	});

	test('only scheduled meetings, by meeting number', async () => {
		const series = await schedule(weekly);
		expect(await refusal('share/update', change(series.occurrences[0].uuid))).toEqual(
			invalid('update changes a whole series: give the meeting number, not an occurrence uuid'),
		);
		expect(await refusal('share/update', change('1234567890'))).toEqual(notFound);

		const { meeting_id: live } = await ok('share/instant', { topic: 'Now', meeting_capacity: '2' });
		expect(await refusal('share/update', change(live))).toEqual(
			invalid('only a scheduled meeting can be updated: this one is in progress'),
		);
		await ok('share/end', { id: series.meeting_id });
		expect(await refusal('share/update', change(series.meeting_id))).toEqual(
			invalid('only a scheduled meeting can be updated: this one has ended'),
		);
		const { meeting_id: cancelled } = await schedule();
		await ok('share/delete', { id: cancelled });
		expect(await refusal('share/update', change(cancelled))).toEqual(
			invalid('only a scheduled meeting can be updated: this one was cancelled'),
		);
	});
});

describe('share/list and share/history', () => {
	const page = (path: string, size: number, number: number) =>
		ok(path, { page_size: String(size), page_number: String(number) });

	test('list pages through scheduled and running meetings, history through cancelled and ended ones', async () => {
		const ids: string[] = [];
		for (const day of ['01', '02', '03', '04', '05']) {
			ids.push((await schedule({ start_time: `2026-12-${day} 10:00:00` })).meeting_id);
		}
		await ok('share/end', { id: ids[1] });
		await ok('share/delete', { id: ids[3] });

		const first = await page('share/list', 2, 1);
		expect(first).toEqual({
			page_num: 1,
			page_size: 2,
			total_record: 3,
			total_page: 2,
			has_previous_page: false,
			has_next_page: true,
			meetings: [
				{
					duration: 45,
					start_time: '2026-12-05 10:00:00',
					topic: 'Weekly sync',
					join_url: `${simulator.url}/j/${ids[4]}`,
					id: ids[4],
					status: 0,
					host_key: expect.stringMatching(/^\d{6}$/),
					type: '2',
				},
				expect.objectContaining({ id: ids[2] }),
			],
		});
		const second = await page('share/list', 2, 2);
		expect(second).toMatchObject({ page_num: 2, has_previous_page: true, has_next_page: false });
		expect(second.meetings.map((m: { id: string }) => m.id)).toEqual([ids[0]]);

		const history = [await page('share/history', 1, 1), await page('share/history', 1, 2)];
		expect(history.map((h) => [h.total_page, h.has_previous_page, h.has_next_page])).toEqual([
			[2, false, true],
			[2, true, false],
		]);
		expect(history.map((h) => h.meetings[0])).toEqual([
			{
				duration: 45,
				start_time: '2026-12-04 10:00:00',
				topic: 'Weekly sync',
				id: ids[3],
				status: 2,
				host_key: expect.any(String),
				type: '2',
			},
			expect.objectContaining({ id: ids[1], status: 3 }),
		]);
	});

	test('a user_key narrows the listing; defaults are 30 per page, page 1', async () => {
		await schedule({ user_key: 'alice' });
		await schedule({ user_key: 'bob' });
		const data = await ok('share/list', { user_key: 'alice' });
		expect(data).toMatchObject({ page_num: 1, page_size: 30, total_record: 1, total_page: 1 });
		expect(await ok('share/history')).toMatchObject({ total_record: 0, total_page: 1, meetings: [] });
	});

	test.each(['share/list', 'share/history'])('%s checks its paging strictly', async (path) => {
		expect(await refusal(path, { page_size: '0' })).toEqual(invalid('page_size out of range: 0'));
		expect(await refusal(path, { page_number: '1.5' })).toEqual(
			invalid('page_number must be an integer, got "1.5"'),
		);
		expect(await refusal(path, { page: '1' })).toEqual(invalid('unknown parameter(s): page'));
	});
});

describe('share/token', () => {
	test('answers the host id and token the meeting was created with', async () => {
		const created = await schedule();
		expect(await ok('share/token', { meeting_id: created.meeting_id })).toEqual({
			host_id: created.host_id,
			token: created.token,
		});
		expect(await refusal('share/token', { meeting_id: '1234567890' })).toEqual(notFound);
	});
});

describe('share/getStartUrl', () => {
	test('only from 15 minutes before the start until the end', async () => {
		const { meeting_id: id, start_url } = await schedule();
		const at = async (time: string) => {
			simulator.setNow(shanghai(time));
			return post('share/getStartUrl', { id });
		};
		expect(await at('2026-12-01 09:44:59')).toEqual(invalid(START_URL_WINDOW));
		expect((await at('2026-12-01 09:45:00')).data).toEqual({ start_url });
		expect((await at('2026-12-01 10:45:00')).data).toEqual({ start_url });
		expect(await at('2026-12-01 10:45:01')).toEqual(invalid(START_URL_WINDOW));
	});

	test('a series opens before each open occurrence, not before an ended one', async () => {
		const series = await schedule(weekly);
		const [, second] = series.occurrences;
		simulator.setNow(shanghai('2026-12-03 09:50:00'));
		expect(await ok('share/getStartUrl', { id: series.meeting_id })).toEqual({ start_url: series.start_url });
		await ok('share/end', { id: second.uuid });
		expect(await refusal('share/getStartUrl', { id: series.meeting_id })).toEqual(invalid(START_URL_WINDOW));
	});

	test('a meeting in progress always has one; a closed one never', async () => {
		const instant = await ok('share/instant', { topic: 'Now', meeting_capacity: '2' });
		simulator.setNow(shanghai('2027-06-01 00:00:00'));
		expect(await ok('share/getStartUrl', { id: instant.meeting_id })).toEqual({
			start_url: instant.start_url,
		});

		await ok('share/end', { id: instant.meeting_id });
		expect(await refusal('share/getStartUrl', { id: instant.meeting_id })).toEqual(
			invalid('no start URL: the meeting has ended'),
		);
		const { meeting_id: cancelled } = await schedule();
		await ok('share/delete', { id: cancelled });
		expect(await refusal('share/getStartUrl', { id: cancelled })).toEqual(
			invalid('no start URL: the meeting was cancelled'),
		);
		expect(await refusal('share/getStartUrl', { id: '1234567890' })).toEqual(notFound);
	});

	test('reset() gives the clock back', async () => {
		simulator.setNow(shanghai('2030-01-01 00:00:00'));
		simulator.reset();
		expect((await ok('share/instant', { topic: 'Now', meeting_capacity: '2' })).start_time).toBe(
			'2026-11-30 08:00:00',
		);
	});
});

describe('share/resetCapacity/{meetingId}', () => {
	test('takes the meeting number from the path and answers data null', async () => {
		const { meeting_id: id } = await schedule();
		expect(await post(`share/resetCapacity/${id}`, { meeting_capacity: '50' })).toEqual({
			status: 200,
			message: 'OK',
			data: null,
		});
		expect((await ok('share/get', { meeting_id: id })).meeting_capacity).toBe('50');
		expect(simulator.requestsTo(`share/resetCapacity/${id}`)).toHaveLength(1);
	});

	test('refusals', async () => {
		const { meeting_id: id } = await schedule();
		expect(await refusal('share/resetCapacity/1234567890', { meeting_capacity: '5' })).toEqual(notFound);
		expect(await refusal(`share/resetCapacity/${id}`)).toEqual(invalid('meeting_capacity is required'));
		expect(await refusal(`share/resetCapacity/${id}`, { meeting_capacity: '0' })).toEqual(
			invalid('meeting_capacity out of range: 0'),
		);
		expect(await refusal(`share/resetCapacity/${id}`, { meeting_capacity: '5', meeting_id: id })).toEqual(
			invalid('unknown parameter(s): meeting_id'),
		);
		await ok('share/end', { id });
		expect(await refusal(`share/resetCapacity/${id}`, { meeting_capacity: '5' })).toEqual(
			invalid('cannot change the capacity: the meeting has ended'),
		);
	});

	test.each(['share/resetCapacity', 'share/resetCapacity/', 'share/resetCapacity/1/2'])(
		'%s is no endpoint',
		async (path) => {
			const response = await fetch(`${simulator.url}/umeeting/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					api_key: simulator.apiKey,
					api_secret: simulator.apiSecret,
					meeting_capacity: '5',
				}),
			});
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual({ status: 404, message: `no such endpoint: /umeeting/${path}` });
		},
	);
});

describe('share/end and share/delete', () => {
	test('an occurrence uuid closes that occurrence alone; the meeting number closes the series', async () => {
		const series = await schedule(weekly);
		const [first, second, third] = series.occurrences;
		const stored = () => simulator.store.get(series.meeting_id)!;
		const statuses = () => stored().occurrences!.map((o) => o.status);

		expect(await post('share/end', { id: second.uuid })).toEqual({ status: 200, message: 'OK' });
		expect(await post('share/delete', { id: third.uuid })).toEqual({ status: 200, message: 'OK' });
		expect(statuses()).toEqual([0, 3, 2]);
		expect((await ok('share/get', { meeting_id: series.meeting_id })).status).toBe('0');
		expect(await refusal('share/end', { id: second.uuid })).toEqual(invalid('occurrence already ended'));
		expect(await refusal('share/delete', { id: second.uuid })).toEqual(invalid('occurrence already ended'));
		expect(await refusal('share/delete', { id: third.uuid })).toEqual(
			invalid('occurrence already cancelled'),
		);

		await ok('share/end', { id: series.meeting_id });
		expect(await ok('share/get', { meeting_id: series.meeting_id })).toMatchObject({
			status: '3',
			del_flag: '0',
		});
		expect(await refusal('share/end', { id: first.uuid })).toEqual(invalid('meeting already ended'));
		expect(await refusal('share/end', { id: series.meeting_id })).toEqual(invalid('meeting already ended'));
		// Deleting an ended meeting removes its record and keeps it ended; a second delete is refused.
		expect(await post('share/delete', { id: series.meeting_id })).toEqual({ status: 200, message: 'OK' });
		expect(await ok('share/get', { meeting_id: series.meeting_id })).toMatchObject({
			status: '3',
			del_flag: '1',
		});
		expect(await refusal('share/delete', { id: series.meeting_id })).toEqual(
			invalid('meeting already deleted'),
		);
		expect((await ok('share/history')).meetings).toEqual([
			expect.objectContaining({ id: series.meeting_id, status: 3 }),
		]);
	});

	test('delete cancels a meeting and flags it deleted; history shows it, list no longer does', async () => {
		const { meeting_id: id } = await schedule();
		expect(await post('share/delete', { id })).toEqual({ status: 200, message: 'OK' });
		expect(await ok('share/get', { meeting_id: id })).toMatchObject({ status: '2', del_flag: '1' });
		expect(await refusal('share/delete', { id })).toEqual(invalid('meeting already deleted'));
		expect(await refusal('share/end', { id })).toEqual(invalid('meeting already deleted'));
		expect((await ok('share/list')).total_record).toBe(0);
		expect((await ok('share/history')).meetings).toEqual([expect.objectContaining({ id, status: 2 })]);
	});

	test.each(['share/end', 'share/delete'])('%s refusals', async (path) => {
		expect(await refusal(path, { id: '1234567890' })).toEqual(notFound);
		expect(await refusal(path, { id: 'nosuchuuid==' })).toEqual(notFound);
		expect(await refusal(path)).toEqual(invalid('id is required'));
		expect(await refusal(path, { id: '1', meeting_id: '1' })).toEqual(
			invalid('unknown parameter(s): meeting_id'),
		);
	});
});
