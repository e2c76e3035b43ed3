import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runChain, runUMeeting } from '../helpers/engine';
import { RecordingListener } from '../helpers/redirectServer';
import { useSimulator } from '../helpers/simulator';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

/** The workflow's zone, unlike the service's (Asia/Shanghai): every time below crosses zones. */
const ZONE = 'America/New_York';

const room = (operation: string, parameters: IDataObject = {}) => ({
	resource: 'room',
	operation,
	...parameters,
});

async function run(
	operation: string,
	parameters: IDataObject = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	simulator.requests.length = 0;
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		parameters: room(operation, parameters),
		...options,
	});
}

/** Books a meeting straight at the simulator (not through the node), in the service's own zone. */
async function book(fields: Record<string, string> = {}) {
	const response = await fetch(`${simulator.url}/umeeting/share/schedule`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
		body: new URLSearchParams({
			topic: 'Booked',
			meeting_capacity: '8',
			start_time: '2026-12-01 10:00:00',
			duration: '60',
			...fields,
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		}),
	});
	const body = (await response.json()) as { status: number; data: { meeting_id: string } };
	expect(body.status).toBe(200);
	return body.data.meeting_id;
}

const credentialFields = () => ({ api_key: simulator.apiKey, api_secret: simulator.apiSecret });

/** The instant an ISO text of the output stands for, to compare with what the simulator holds. */
const millis = (iso: unknown) => DateTime.fromISO(iso as string).toMillis();

const jsonOf = (output: INodeExecutionData[] | undefined) => output!.map((item) => item.json);

describe('Room → Check Availability', () => {
	const parameters = { meetingCapacity: 8, startTime: '2026-12-01T10:00:00', duration: 60 };

	test('sends the start in the service zone and answers available with the counts and the request', async () => {
		// Booked in the service's own text for 10:00 in New York: it must overlap the asked time.
		await book({ start_time: '2026-12-01 23:00:00' });
		const { output, error } = await run('checkAvailability', parameters);
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/freeRooms']);
		expect(simulator.requests[0].form).toEqual({
			meeting_capacity: '8',
			start_time: '2026-12-01 23:00:00',
			duration: '60',
			...credentialFields(),
		});
		expect(output).toEqual([
			{
				json: {
					total: 3,
					free: 2,
					available: true,
					meeting_capacity: 8,
					duration: 60,
					start_time: '2026-12-01 23:00:00',
					start_time_iso: '2026-12-01T10:00:00-05:00',
					end_time_iso: '2026-12-01T11:00:00-05:00',
					time_zone: ZONE,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(millis(output![0].json.start_time_iso)).toBe(
			simulator.clock.parse('2026-12-01 23:00:00').toMillis(),
		);
	});

	test('available is false when every room of the size is taken for the time', async () => {
		simulator.store.license = { payType: '1', expire_date: null, capacity: { '10': 1, '50': 1 } };
		await book({ start_time: '2026-12-01 23:30:00', duration: '45' });
		const { output } = await run('checkAvailability', parameters);
		expect(output![0].json).toMatchObject({ total: 1, free: 0, available: false });
		// A bigger meeting needs the other size, which is free.
		const bigger = await run('checkAvailability', { ...parameters, meetingCapacity: 20 });
		expect(bigger.output![0].json).toMatchObject({
			total: 1,
			free: 1,
			available: true,
			meeting_capacity: 20,
		});
	});

	test('a start with an offset is that instant; the output is shown in the chosen Time Zone', async () => {
		const { output } = await run('checkAvailability', {
			...parameters,
			startTime: '2026-12-01T15:00:00Z',
			timeZone: 'Asia/Tokyo',
		});
		expect(simulator.requests[0].form.start_time).toBe('2026-12-01 23:00:00');
		expect(output![0].json).toMatchObject({
			start_time_iso: '2026-12-02T00:00:00+09:00',
			end_time_iso: '2026-12-02T01:00:00+09:00',
			time_zone: 'Asia/Tokyo',
		});
	});

	test('each item asks for its own slot, taken from the input by expressions, and is paired with it', async () => {
		await book({ meeting_capacity: '40', start_time: '2026-12-02 09:00:00', duration: '120' });
		const { output } = await run(
			'checkAvailability',
			{
				meetingCapacity: '={{ $json.people }}',
				startTime: '={{ $json.start }}',
				duration: '={{ $json.minutes }}',
			},
			{
				items: [
					{ people: 8, start: '2026-12-01T20:00:00', minutes: 45 },
					{ people: 40, start: '2026-12-01T20:30:00-05:00', minutes: 60 },
					{ people: 40, start: '2026-12-01T22:00:00', minutes: 60 },
				],
			},
		);
		expect(
			simulator.requests.map((r) => [r.form.meeting_capacity, r.form.start_time, r.form.duration]),
		).toEqual([
			['8', '2026-12-02 09:00:00', '45'],
			['40', '2026-12-02 09:30:00', '60'],
			['40', '2026-12-02 11:00:00', '60'],
		]);
		expect(
			output!.map((item) => [item.json.total, item.json.free, item.json.available, item.pairedItem]),
		).toEqual([
			[3, 3, true, { item: 0 }],
			[2, 1, true, { item: 1 }],
			[2, 2, true, { item: 2 }],
		]);
	});

	test('a refusal by the service is a NodeApiError; with Continue On Fail an error item', async () => {
		simulator.injectFault({ type: 'bodyStatus', status: 500, message: 'room service unavailable' });
		const failed = await run('checkAvailability', parameters);
		expect(failed.error!.name).toBe('NodeApiError');
		expect(failed.error!.message).toBe(
			'UMeeting refused the request (share/freeRooms): room service unavailable',
		);

		simulator.injectFault({ type: 'bodyStatus', status: 500, message: 'room service unavailable' });
		// One request at a time, so the fault meets item 0's request.
		const continued = await run(
			'checkAvailability',
			{ ...parameters, options: { maxParallel: 1 } },
			{ continueOnFail: true, items: [{}, {}] },
		);
		expect(continued.error).toBeUndefined();
		expect(
			continued.output!.map((item) => [item.json.error ?? item.json.available, item.pairedItem]),
		).toEqual([
			['UMeeting refused the request (share/freeRooms): room service unavailable', { item: 0 }],
			[true, { item: 1 }],
		]);
	});

	test.each([
		[{ duration: 30 }, '"Duration (Minutes)" must be greater than 30 (got 30)'],
		[{ duration: 45.5 }, '"Duration (Minutes)" must be a whole number (got number 45.5)'],
		[{ meetingCapacity: 0 }, '"Meeting Capacity" must be at least 1 (got 0)'],
		[{ startTime: '={{ "" }}' }, '"Start Time" is required'],
		[
			{ startTime: 'next Tuesday' },
			'"Start Time" must be a date and time such as "2026-12-01 09:30:00" or an ISO 8601 string (got "next Tuesday")',
		],
		[
			{ startTime: '2026-03-08T02:30:00' },
			'"Start Time" does not exist in America/New_York (the clocks skip it for daylight saving time): got "2026-03-08T02:30:00"',
		],
		[
			{ timeZone: '={{ "Mars/Olympus" }}' },
			'"Time Zone" must be an IANA time zone such as "Asia/Shanghai" (got "Mars/Olympus")',
		],
	])('bad input %j fails naming the field and item, before any request', async (change, problem) => {
		const { error, output } = await run(
			'checkAvailability',
			{ ...parameters, ...change },
			{ items: [{}, {}] },
		);
		expect(output).toBeUndefined();
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(simulator.requests).toHaveLength(0);
	});

	test('one bad item among good ones: nothing is sent; with Continue On Fail only it fails', async () => {
		const items = [{ minutes: 60 }, { minutes: 20 }];
		const params = { ...parameters, duration: '={{ $json.minutes }}' };
		const failed = await run('checkAvailability', params, { items });
		expect(failed.error!.message).toBe(
			'Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)',
		);
		expect(simulator.requests).toHaveLength(0);

		const continued = await run('checkAvailability', params, { items, continueOnFail: true });
		expect(
			continued.output!.map((item) => [item.json.error ?? item.json.available, item.pairedItem]),
		).toEqual([
			[true, { item: 0 }],
			['Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)', { item: 1 }],
		]);
		expect(simulator.requests).toHaveLength(1);
	});
});

describe('Room → Get Many', () => {
	test('one item per room with its meetings, their times as ISO in the item zone and the state named', async () => {
		const small = await book({ topic: 'Small', meeting_capacity: '8', start_time: '2026-12-01 10:00:00' });
		const middle = await book({ topic: 'Middle', meeting_capacity: '40', start_time: '2026-12-02 09:00:00' });
		const { output, error } = await run('getAll', { returnAll: true });
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => [r.path, r.form])).toEqual([
			['/umeeting/share/rooms', credentialFields()],
		]);
		expect(output).toHaveLength(6);
		expect(output!.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		const rooms = jsonOf(output);
		expect(rooms.map((r) => [r.first_name, r.meeting_capacity, r.meeting_count])).toEqual([
			['1', 10, 1],
			['2', 10, 0],
			['3', 10, 0],
			['4', 50, 1],
			['5', 50, 0],
			['6', 100, 0],
		]);
		expect(rooms[0]).toEqual({
			host_id: rooms[0].id,
			id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
			email: 'shareroom1@rooms.umeeting.test',
			first_name: '1',
			meeting_capacity: 10,
			meeting_count: 1,
			time_zone: ZONE,
			meetings: [
				{
					meeting_id: small,
					id: small,
					topic: 'Small',
					start_time: '2026-12-01 10:00:00',
					start_time_iso: '2026-11-30T21:00:00-05:00',
					end_time_iso: '2026-11-30T22:00:00-05:00',
					time_zone: ZONE,
					duration: 60,
					meeting_capacity: 8,
					status: 0,
					status_name: 'scheduled',
					type: '2',
					host_key: simulator.store.get(small)!.host_key,
				},
			],
		});
		const [inMiddle] = rooms[3].meetings as IDataObject[];
		expect(inMiddle).toMatchObject({ meeting_id: middle, meeting_capacity: 40 });
		for (const id of [small, middle]) {
			const shown = rooms.flatMap((r) => r.meetings as IDataObject[]).find((m) => m.id === id)!;
			const stored = simulator.store.get(id)!;
			expect(millis(shown.start_time_iso)).toBe(DateTime.fromISO(stored.start_instant).toMillis());
			expect(millis(shown.end_time_iso) - millis(shown.start_time_iso)).toBe(stored.duration * 60_000);
		}
	});

	test('host keys stay out with Include Host Secrets off', async () => {
		const id = await book();
		const { output } = await run('getAll', { returnAll: true, includeHostSecrets: false });
		const text = JSON.stringify(output);
		expect(text).not.toContain('host_key');
		expect(text).not.toContain(simulator.store.get(id)!.host_key);
		expect((output![0].json.meetings as IDataObject[])[0].meeting_id).toBe(id);
	});

	test('as an AI tool, host keys stay out unless the author turned them on', async () => {
		const id = await book();
		const asTool = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			asTool: true,
			parameters: room('getAll', { returnAll: true }),
		});
		expect(asTool.error).toBeUndefined();
		expect(JSON.stringify(asTool.output)).not.toContain(simulator.store.get(id)!.host_key);
		expect((asTool.output![0].json.meetings as IDataObject[])[0]).toMatchObject({ meeting_id: id });
	});

	test('Limit keeps the first rooms; the default limit is 50; one list per input item', async () => {
		const limited = await run('getAll', { returnAll: false, limit: 2 });
		expect(jsonOf(limited.output).map((r) => r.first_name)).toEqual(['1', '2']);
		const byDefault = await run('getAll', {});
		expect(byDefault.output).toHaveLength(6);
		const twice = await run('getAll', { limit: 1 }, { items: [{}, {}] });
		expect(twice.output!.map((item) => [item.json.first_name, item.pairedItem])).toEqual([
			['1', { item: 0 }],
			['1', { item: 1 }],
		]);
		expect(simulator.requests).toHaveLength(2);
	});

	test('a refusal by the service is a NodeApiError; with Continue On Fail an error item', async () => {
		simulator.injectFault({ type: 'bodyStatus', status: 403, message: 'monitoring not enabled' });
		const failed = await run('getAll', { returnAll: true });
		expect(failed.error!.name).toBe('NodeApiError');
		expect(failed.error!.message).toBe('UMeeting refused the request (share/rooms): monitoring not enabled');

		simulator.injectFault({ type: 'bodyStatus', status: 403, message: 'monitoring not enabled' });
		const continued = await run('getAll', { returnAll: true }, { continueOnFail: true });
		expect(continued.output).toEqual([
			{
				json: {
					error: 'UMeeting refused the request (share/rooms): monitoring not enabled',
					description: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test.each([
		[{ returnAll: false, limit: 0 }, '"Limit" must be at least 1 (got 0)'],
		[{ returnAll: false, limit: '={{ "ten" }}' }, '"Limit" must be a whole number (got "ten")'],
		[
			{ timeZone: '={{ "Mars/Olympus" }}' },
			'"Time Zone" must be an IANA time zone such as "Asia/Shanghai" (got "Mars/Olympus")',
		],
	])('bad input %j fails naming the field and item, before any request', async (change, problem) => {
		const { error } = await run('getAll', change);
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('Room → Get License', () => {
	test('billing type named beside its code, no expiry, rooms per capacity as a list and as answered', async () => {
		const { output, error } = await run('getLicense');
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => [r.path, r.form])).toEqual([
			['/umeeting/licensing', credentialFields()],
		]);
		expect(output).toEqual([
			{
				json: {
					payType: '1',
					pay_type_name: 'room capacity',
					expire_date: null,
					expire_date_iso: null,
					time_zone: ZONE,
					capacity: { '10': 3, '50': 2, '100': 1 },
					rooms_per_capacity: [
						{ meeting_capacity: 10, rooms: 3 },
						{ meeting_capacity: 50, rooms: 2 },
						{ meeting_capacity: 100, rooms: 1 },
					],
					total_rooms: 6,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test.each([
		['2', 'concurrent participants'],
		['3', 'usage time'],
		['9', 'unknown'],
	])('payType %s is named %s', async (payType, name) => {
		simulator.store.license = { payType, expire_date: null, capacity: {} };
		const { output } = await run('getLicense');
		expect(output![0].json).toMatchObject({
			payType,
			pay_type_name: name,
			rooms_per_capacity: [],
			total_rooms: 0,
		});
	});

	test('an expiry in the service zone is shown as that instant in the item zone', async () => {
		simulator.store.license = { payType: '1', expire_date: '2027-06-30 23:59:59', capacity: { '25': 4 } };
		const { output } = await run('getLicense', { timeZone: 'Europe/Berlin' });
		expect(output![0].json).toMatchObject({
			expire_date: '2027-06-30 23:59:59',
			// 23:59:59 in Shanghai is 17:59:59 in Berlin (summer time).
			expire_date_iso: '2027-06-30T17:59:59+02:00',
			time_zone: 'Europe/Berlin',
			rooms_per_capacity: [{ meeting_capacity: 25, rooms: 4 }],
		});
		expect(millis(output![0].json.expire_date_iso)).toBe(
			simulator.clock.parse('2027-06-30 23:59:59').toMillis(),
		);
	});

	test('a refusal by the service is a NodeApiError; with Continue On Fail an error item', async () => {
		simulator.injectFault({ type: 'bodyStatus', status: 401, message: 'no license for this key' });
		const failed = await run('getLicense');
		expect(failed.error!.name).toBe('NodeApiError');
		expect(failed.error!.message).toBe('UMeeting refused the request (licensing): no license for this key');

		simulator.injectFault({ type: 'bodyStatus', status: 401, message: 'no license for this key' });
		const continued = await run('getLicense', {}, { continueOnFail: true });
		expect(continued.output![0]).toMatchObject({
			json: { error: 'UMeeting refused the request (licensing): no license for this key' },
			pairedItem: { item: 0 },
		});
	});

	test('bad input names the field and item, before any request', async () => {
		const { error } = await run('getLicense', { timeZone: '={{ "Nowhere/Land" }}' }, { items: [{}, {}] });
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(
			'Invalid input in item 0: "Time Zone" must be an IANA time zone such as "Asia/Shanghai" (got "Nowhere/Land")',
		);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('answers shaped as the manual shows them (a loopback service, not the simulator)', () => {
	const answers: Record<string, unknown> = {};
	const service = new RecordingListener((request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify({ status: 200, message: 'OK', data: answers[request.url] }));
	});
	beforeAll(async () => await service.start());
	afterAll(async () => await service.stop());
	beforeEach(() => service.reset());

	const runAgainst = (operation: string, parameters: IDataObject = {}) =>
		runUMeeting({
			credentials: { ...credentials(), baseUrl: service.url },
			workflowTimeZone: ZONE,
			parameters: room(operation, { includeHostSecrets: false, ...parameters }),
		});

	test('share/rooms: one room without the list around it, numbers as strings', async () => {
		answers['/umeeting/share/rooms'] = {
			id: '2-Vhs-ODRFS3AvstEXupxQ',
			email: 'shareroom3@example.com',
			first_name: '3',
			meeting_capacity: '25',
			meetings: [
				{
					duration: '50',
					start_time: '2018-04-26 15:00:00',
					host_key: '367260',
					topic: 'Quarterly planning',
					meeting_capacity: '25',
					id: '1370845021',
					type: '2',
					status: '0',
				},
			],
		};
		const { output, error } = await runAgainst('getAll', { returnAll: true });
		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({
			host_id: '2-Vhs-ODRFS3AvstEXupxQ',
			id: '2-Vhs-ODRFS3AvstEXupxQ',
			email: 'shareroom3@example.com',
			first_name: '3',
			meeting_capacity: 25,
			meeting_count: 1,
			time_zone: ZONE,
			meetings: [
				{
					meeting_id: '1370845021',
					id: '1370845021',
					topic: 'Quarterly planning',
					start_time: '2018-04-26 15:00:00',
					start_time_iso: '2018-04-26T03:00:00-04:00',
					end_time_iso: '2018-04-26T03:50:00-04:00',
					time_zone: ZONE,
					duration: 50,
					meeting_capacity: 25,
					status: 0,
					status_name: 'scheduled',
					type: '2',
				},
			],
		});
	});

	test('share/rooms: null is no rooms; a room without meetings has an empty list', async () => {
		answers['/umeeting/share/rooms'] = null;
		expect((await runAgainst('getAll', { returnAll: true })).output).toEqual([]);
		answers['/umeeting/share/rooms'] = [{ id: 'abc', meeting_capacity: 10, meetings: null }];
		const { output } = await runAgainst('getAll', { returnAll: true });
		expect(output![0].json).toMatchObject({ id: 'abc', meetings: [], meeting_count: 0 });
	});

	test('share/freeRooms: counts as strings become numbers', async () => {
		answers['/umeeting/share/freeRooms'] = { total: '8', free: '0' };
		const { output } = await runAgainst('checkAvailability', {
			meetingCapacity: 8,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
		});
		expect(output![0].json).toMatchObject({ total: 8, free: 0, available: false });
	});

	test('share/freeRooms without counts is a clear error, not "available"', async () => {
		answers['/umeeting/share/freeRooms'] = { total: 8 };
		const { error } = await runAgainst('checkAvailability', {
			meetingCapacity: 8,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
		});
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting reported success for share/freeRooms, but its answer lacks free');
	});

	test('licensing: the manual example (sizes unsorted, zero rooms kept), counts as strings, a date alone', async () => {
		answers['/umeeting/licensing'] = {
			payType: 2,
			expire_date: '2027-01-01',
			capacity: { '100': 3, '200': '1', '25': 5, '300': 0, '500': 0, '50': 55, '10': 11 },
		};
		const { output } = await runAgainst('getLicense');
		expect(output![0].json).toMatchObject({
			payType: '2',
			pay_type_name: 'concurrent participants',
			expire_date: '2027-01-01',
			// The date's first moment in the service zone.
			expire_date_iso: '2026-12-31T11:00:00-05:00',
			capacity: { '100': 3, '200': '1', '25': 5, '300': 0, '500': 0, '50': 55, '10': 11 },
			rooms_per_capacity: [
				{ meeting_capacity: 10, rooms: 11 },
				{ meeting_capacity: 25, rooms: 5 },
				{ meeting_capacity: 50, rooms: 55 },
				{ meeting_capacity: 100, rooms: 3 },
				{ meeting_capacity: 200, rooms: 1 },
				{ meeting_capacity: 300, rooms: 0 },
				{ meeting_capacity: 500, rooms: 0 },
			],
			total_rooms: 75,
		});
	});

	test('licensing: a room count that is not a number is a clear error naming it', async () => {
		answers['/umeeting/licensing'] = { payType: '1', expire_date: null, capacity: { '10': 'many' } };
		const { error } = await runAgainst('getLicense');
		expect(error!.name).toBe('NodeApiError');
		expect(`${error!.message} ${error!.description}`).toMatch(/capacity\.10/);
	});
});

describe('check availability, then schedule only if a room is free', () => {
	const slot = { meetingCapacity: 8, startTime: '2026-12-01T10:00:00', duration: 60 };

	async function check() {
		const { output, error } = await run('checkAvailability', slot);
		expect(error).toBeUndefined();
		return output!;
	}

	/**
	 * What an IF node on `available` (is true) passes on, then a Schedule node whose fields are
	 * dragged in from the Check Availability item: run as a second workflow, since n8n's IF node is
	 * not among the engine test's node types.
	 */
	async function scheduleIfFree(checked: INodeExecutionData[], topic: string) {
		const passed = checked.filter((item) => item.json.available === true).map((item) => item.json);
		if (passed.length === 0) return [];
		simulator.requests.length = 0;
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			items: passed,
			parameters: {
				resource: 'meeting',
				operation: 'schedule',
				topic,
				meetingCapacity: '={{ $json.meeting_capacity }}',
				startTime: '={{ $json.start_time_iso }}',
				duration: '={{ $json.duration }}',
			},
		});
		expect(error).toBeUndefined();
		return output!.map((item) => item.json.meeting_id as string);
	}

	test('books until the rooms are full, then books nothing; a deletion frees a room again', async () => {
		simulator.store.license = { payType: '1', expire_date: null, capacity: { '10': 2, '50': 1 } };
		const booked: string[] = [];
		for (const [free, topic] of [
			[2, 'First'],
			[1, 'Second'],
		] as const) {
			const checked = await check();
			expect(checked[0].json).toMatchObject({ available: true, free, total: 2 });
			const [id] = await scheduleIfFree(checked, topic);
			// The meeting got exactly the checked slot: same service text on the wire.
			expect(simulator.requestsTo('share/schedule')[0].form).toMatchObject({
				meeting_capacity: '8',
				start_time: checked[0].json.start_time,
				duration: '60',
			});
			booked.push(id);
		}

		const full = await check();
		expect(full[0].json).toMatchObject({ available: false, free: 0, total: 2 });
		expect(await scheduleIfFree(full, 'Third')).toEqual([]);
		expect(simulator.store.all().map((m) => m.topic)).toEqual(['First', 'Second']);

		// A Delete node fed by the Schedule output (drag and drop of meeting_id) frees a room.
		simulator.requests.length = 0;
		const deleted = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			items: [{ meeting_id: booked[0] }],
			parameters: {
				resource: 'meeting',
				operation: 'delete',
				meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
			},
		});
		expect(deleted.error).toBeUndefined();

		const freed = await check();
		expect(freed[0].json).toMatchObject({ available: true, free: 1, total: 2 });
		const [third] = await scheduleIfFree(freed, 'Third');
		expect(simulator.store.get(third)).toMatchObject({ topic: 'Third', status: 0 });
		expect((await check())[0].json).toMatchObject({ available: false, free: 0 });
	});

	test('several slots at once: only the free ones are booked, each from its own item', async () => {
		simulator.store.license = { payType: '1', expire_date: null, capacity: { '10': 1 } };
		await book({ start_time: '2026-12-01 23:00:00' });
		const { output } = await run(
			'checkAvailability',
			{ ...slot, startTime: '={{ $json.start }}' },
			{
				items: [
					{ start: '2026-12-01T10:00:00' },
					{ start: '2026-12-01T11:00:00' },
					{ start: '2026-12-01T10:30:00' },
				],
			},
		);
		expect(output!.map((item) => [item.json.available, item.pairedItem])).toEqual([
			[false, { item: 0 }],
			[true, { item: 1 }],
			[false, { item: 2 }],
		]);
		const [id] = await scheduleIfFree(output!, 'Only free slot');
		expect(simulator.requestsTo('share/schedule')).toHaveLength(1);
		expect(simulator.store.get(id)!.start_time).toBe('2026-12-02 00:00:00');
	});

	test('in one workflow, Check Availability feeds Schedule by drag and drop', async () => {
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			steps: [
				{ name: 'Check Availability', parameters: room('checkAvailability', slot) },
				{
					name: 'Schedule',
					parameters: {
						resource: 'meeting',
						operation: 'schedule',
						topic: '={{ "Booked for " + $json.meeting_capacity }}',
						meetingCapacity: "={{ $('Check Availability').item.json.meeting_capacity }}",
						startTime: '={{ $json.start_time_iso }}',
						duration: '={{ $json.duration }}',
					},
				},
			],
		});
		expect(error).toBeUndefined();
		const [scheduled] = outputs.Schedule!;
		const stored = simulator.store.get(scheduled.json.meeting_id as string)!;
		expect(stored).toMatchObject({ topic: 'Booked for 8', start_time: '2026-12-01 23:00:00', duration: 60 });
		expect(scheduled.json.start_time_iso).toBe(outputs['Check Availability']![0].json.start_time_iso);
	});
});
