import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runChain, runUMeeting } from '../helpers/engine';
import { RecordingListener } from '../helpers/redirectServer';
import { useSimulator } from '../helpers/simulator';
import { heldRecords } from '../simulator/endpoints/reports';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-12-10 12:00:00') });

/** The workflow's zone, 13 hours behind the service's in December. */
const NEW_YORK = 'America/New_York';

const millis = (iso: unknown) => DateTime.fromISO(iso as string, { setZone: true }).toMillis();

async function post(path: string, fields: Record<string, string>) {
	const response = await fetch(`${simulator.url}/umeeting/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
		body: new URLSearchParams({ ...fields, api_key: simulator.apiKey, api_secret: simulator.apiSecret }),
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	const body = (await response.json()) as { status: number; data?: any };
	expect(body.status).toBe(200);
	return body.data;
}

/** Schedules a meeting (start as Beijing wall time) and ends it: it has then been held. */
async function held(start: string, fields: Record<string, string> = {}) {
	const { meeting_id } = await post('share/schedule', {
		topic: `Review ${start}`,
		meeting_capacity: '10',
		start_time: start,
		duration: '45',
		...fields,
	});
	await post('share/end', { id: meeting_id });
	return meeting_id as string;
}

/** Puts a meeting in a public room of the test's choosing. */
const inRoom = (id: string, room: string) => {
	simulator.store.get(id)!.host_id = room;
};

/** Gives a meeting exactly these held records, whatever the store would keep by itself. */
const setSessions = (id: string, sessions: unknown) => {
	(simulator.store.get(id) as unknown as { sessions?: unknown }).sessions = sessions;
};

/** The held records the simulator derives its statistics from. */
const records = () => heldRecords(simulator.store.all(), simulator.clock);

async function run(
	operation: string,
	parameters: Record<string, unknown>,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	simulator.requests.length = 0;
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: NEW_YORK,
		items: options.items,
		continueOnFail: options.continueOnFail,
		parameters: { resource: 'report', operation, ...parameters },
	});
}

const wire = (fields: Record<string, string>) => ({
	...fields,
	api_key: simulator.apiKey,
	api_secret: simulator.apiSecret,
});

/** New York, 1 December 00:00 to 4 December 00:00: Beijing days 1 to 4 December. */
const DECEMBER_1_TO_4 = { startDate: '2026-12-01T00:00:00', endDate: '2026-12-04T00:00:00' };

/**
 * Meetings around that period (Beijing wall times), and where New York sees them:
 * before: 30 Nov 21:00 (on the first Beijing day, before the period); atStart: 1 Dec 00:00 (the
 * period's first instant, included); inside: 1 Dec 20:00 and 3 Dec 23:00; atEnd: 4 Dec 00:00 (the
 * period's end, excluded); after: 4 Dec 01:00 (on the last Beijing day, after the period);
 * outside: 30 Nov 07:00 (on no day asked for).
 */
async function aroundThePeriod() {
	return {
		before: await held('2026-12-01 10:00:00'),
		atStart: await held('2026-12-01 13:00:00'),
		first: await held('2026-12-02 09:00:00'),
		second: await held('2026-12-04 12:00:00'),
		atEnd: await held('2026-12-04 13:00:00'),
		after: await held('2026-12-04 14:00:00'),
		outside: await held('2026-11-30 20:00:00'),
	};
}

const ids = (output: INodeExecutionData[] | undefined) => output!.map((item) => item.json.meeting_id);

describe('Get Room Usage Details (share/detail)', () => {
	test('asks for the Beijing days covering the New York period and keeps the meetings inside it', async () => {
		const m = await aroundThePeriod();
		const { output, error } = await run('getRoomUsage', DECEMBER_1_TO_4);
		expect(error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0].path).toBe('/umeeting/share/detail');
		expect(simulator.requests[0].form).toEqual(
			wire({ from: '2026-12-01', to: '2026-12-04', page_size: '30', page_number: '1' }),
		);
		expect(ids(output)).toEqual([m.atStart, m.first, m.second]);
		const stored = simulator.store.get(m.first)!;
		expect(output![1]).toEqual({
			json: {
				uuid: records().find((r) => r.meeting.id === m.first)!.uuid,
				host_id: stored.host_id,
				meeting_id: m.first,
				topic: 'Review 2026-12-02 09:00:00',
				start_time: '2026-12-02 09:00:00',
				start_time_iso: '2026-12-01T20:00:00-05:00',
				duration: 45,
				end_time: '2026-12-02 09:45:00',
				end_time_iso: '2026-12-01T20:45:00-05:00',
				is_extra: 0,
				time_zone: NEW_YORK,
			},
			pairedItem: { item: 0 },
		});
		expect(millis(output![1].json.start_time_iso)).toBe(millis(stored.start_instant));
	});

	test('Exact Period off keeps every meeting of the Beijing days asked for', async () => {
		const m = await aroundThePeriod();
		const { output } = await run('getRoomUsage', { ...DECEMBER_1_TO_4, exactPeriod: false });
		expect(ids(output)).toEqual([m.before, m.atStart, m.first, m.second, m.atEnd, m.after]);
	});

	test('without dates: no from/to on the wire, the service day of its clock', async () => {
		const today = await held('2026-12-10 08:00:00');
		await held('2026-12-09 08:00:00');
		const { output } = await run('getRoomUsage', {});
		expect(simulator.requests[0].form).toEqual(wire({ page_size: '30', page_number: '1' }));
		expect(ids(output)).toEqual([today]);
	});

	test('Room ID, participants and phone calls: sent as the manual names them; attendee times as ISO', async () => {
		const id = await held('2026-12-02 09:00:00');
		inRoom(id, 'ROOM-SEVEN');
		setSessions(id, [
			{
				uuid: 'c2Vzc2lvbi1vbmUtdXVp==',
				start_time: '2026-12-02 09:00:00',
				start: '2026-12-02T01:00:00Z',
				end: '2026-12-02T01:45:00Z',
				duration: 45,
				participants: [{ user_name: 'Ann', join: '2026-12-02T01:02:03Z', leave: '2026-12-02T01:40:00Z' }],
				recordings: [],
			},
		]);
		const { output, error } = await run('getRoomUsage', {
			...DECEMBER_1_TO_4,
			filters: { hostId: 'ROOM-SEVEN' },
			additionalFields: { showParticipants: true, showTelephonyUsage: true },
		});
		expect(error).toBeUndefined();
		expect(simulator.requests[0].form).toEqual(
			wire({
				from: '2026-12-01',
				to: '2026-12-04',
				host_id: 'ROOM-SEVEN',
				show_participants: 'true',
				show_telephony_usage: 'true',
				page_size: '30',
				page_number: '1',
			}),
		);
		expect(output).toHaveLength(1);
		expect(output![0].json).toMatchObject({
			uuid: 'c2Vzc2lvbi1vbmUtdXVp==',
			host_id: 'ROOM-SEVEN',
			participants: [
				{
					name: 'Ann',
					join_time: '2026-12-02 09:02:03',
					join_time_iso: '2026-12-01T20:02:03-05:00',
					leave_time: '2026-12-02 09:40:00',
					leave_time_iso: '2026-12-01T20:40:00-05:00',
				},
			],
			telephony_usage: [],
		});
		const [person] = output![0].json.participants as IDataObject[];
		expect(millis(person.join_time_iso)).toBe(millis('2026-12-02T01:02:03Z'));
	});

	test('one run per input item, each output paired with its item; the Room ID by drag-and-drop', async () => {
		const a = await held('2026-12-02 09:00:00');
		const b = await held('2026-12-03 09:00:00');
		const c = await held('2026-12-03 10:00:00');
		inRoom(a, 'ROOM-A');
		inRoom(b, 'ROOM-B');
		inRoom(c, 'ROOM-B');
		const { output } = await run(
			'getRoomUsage',
			{ ...DECEMBER_1_TO_4, filters: { hostId: '={{ $json.host_id }}' } },
			{ items: [{ host_id: 'ROOM-B' }, { host_id: 'ROOM-A' }] },
		);
		expect(output!.map((item) => [item.json.meeting_id, item.pairedItem])).toEqual([
			[b, { item: 0 }],
			[c, { item: 0 }],
			[a, { item: 1 }],
		]);
		expect(simulator.requests.map((r) => r.form.host_id)).toEqual(['ROOM-B', 'ROOM-A']);
	});

	describe('paging (65 meetings, 30 a page)', () => {
		let all: string[] = [];
		beforeEach(async () => {
			all = [];
			for (let i = 0; i < 65; i++) {
				const minute = String(i % 60).padStart(2, '0');
				all.push(await held(`2026-12-0${2 + Math.floor(i / 60)} 10:${minute}:00`));
			}
		});

		test('Return All reads the three pages and gives every meeting once, in order', async () => {
			const { output } = await run('getRoomUsage', { ...DECEMBER_1_TO_4, returnAll: true });
			expect(simulator.requests.map((r) => r.form.page_number)).toEqual(['1', '2', '3']);
			expect(ids(output)).toEqual(all);
		});

		test('Limit stops reading once it has enough (Limit 40: two pages)', async () => {
			const { output } = await run('getRoomUsage', { ...DECEMBER_1_TO_4, limit: 40 });
			expect(simulator.requests.map((r) => r.form.page_number)).toEqual(['1', '2']);
			expect(ids(output)).toEqual(all.slice(0, 40));
		});

		test('the default Limit is 50', async () => {
			const { output } = await run('getRoomUsage', DECEMBER_1_TO_4);
			expect(output).toHaveLength(50);
		});
	});
});

describe('Get Room Usage Summary (share/summary)', () => {
	test('one item: the totals, the rooms and the Beijing days counted as New York instants', async () => {
		const a = await held('2026-12-02 09:00:00');
		const b = await held('2026-12-03 09:00:00');
		const c = await held('2026-12-03 11:00:00');
		inRoom(a, 'ROOM-A');
		inRoom(b, 'ROOM-B');
		inRoom(c, 'ROOM-B');
		const { output, error } = await run('getRoomSummary', DECEMBER_1_TO_4);
		expect(error).toBeUndefined();
		expect(simulator.requests[0].path).toBe('/umeeting/share/summary');
		expect(simulator.requests[0].form).toEqual(
			wire({ from: '2026-12-01', to: '2026-12-04', page_size: '30', page_number: '1' }),
		);
		const attendees = (room: string) =>
			records()
				.filter((r) => r.meeting.host_id === room)
				.reduce((sum, r) => sum + r.attendees.length, 0);
		expect(output).toHaveLength(1);
		expect(output![0].pairedItem).toEqual({ item: 0 });
		expect(output![0].json).toEqual({
			from: '2026-12-01',
			to: '2026-12-04',
			// Beijing midnight starting 1 December, and the one ending 4 December.
			period_start_iso: '2026-11-30T11:00:00-05:00',
			period_end_iso: '2026-12-04T11:00:00-05:00',
			total_meetings: 3,
			total_participants: attendees('ROOM-A') + attendees('ROOM-B'),
			total_meeting_minutes: 135,
			total_rooms: 2,
			rooms: [
				expect.objectContaining({ host_id: 'ROOM-B', meetings: 2, meeting_minutes: 90 }),
				expect.objectContaining({ host_id: 'ROOM-A', meetings: 1, meeting_minutes: 45 }),
			],
			time_zone: NEW_YORK,
		});
		expect(millis(output![0].json.period_start_iso)).toBe(shanghai('2026-12-01 00:00:00').getTime());
	});

	test('Room ID is sent as host_id', async () => {
		const a = await held('2026-12-02 09:00:00');
		inRoom(a, 'ROOM-A');
		await held('2026-12-02 10:00:00');
		const { output } = await run('getRoomSummary', { ...DECEMBER_1_TO_4, filters: { hostId: 'ROOM-A' } });
		expect(simulator.requests[0].form.host_id).toBe('ROOM-A');
		expect(output![0].json).toMatchObject({ total_meetings: 1, total_rooms: 1 });
	});

	describe('paging (35 rooms, 30 a page)', () => {
		beforeEach(async () => {
			for (let i = 0; i < 35; i++) {
				inRoom(await held(`2026-12-02 10:${String(i).padStart(2, '0')}:00`), `ROOM-${100 + i}`);
			}
		});

		test('Return All joins both pages into the one item', async () => {
			const { output } = await run('getRoomSummary', { ...DECEMBER_1_TO_4, returnAll: true });
			expect(simulator.requests.map((r) => r.form.page_number)).toEqual(['1', '2']);
			expect(output).toHaveLength(1);
			const rooms = output![0].json.rooms as IDataObject[];
			expect(rooms).toHaveLength(35);
			expect(new Set(rooms.map((room) => room.host_id)).size).toBe(35);
			expect(output![0].json).toMatchObject({ total_meetings: 35, total_rooms: 35 });
		});

		test('Limit shortens the room list, not the totals (Limit 10: one page)', async () => {
			const { output } = await run('getRoomSummary', { ...DECEMBER_1_TO_4, limit: 10 });
			expect(simulator.requests).toHaveLength(1);
			expect(output![0].json.rooms).toHaveLength(10);
			expect(output![0].json).toMatchObject({ total_meetings: 35, total_rooms: 35 });
		});
	});
});

describe('Get Meeting History (share/hisMeeting)', () => {
	test('sends the period only, one item per meeting held inside it, numbers and ISO times', async () => {
		const m = await aroundThePeriod();
		const { output, error } = await run('getMeetingHistory', DECEMBER_1_TO_4);
		expect(error).toBeUndefined();
		expect(simulator.requests[0].path).toBe('/umeeting/share/hisMeeting');
		expect(simulator.requests[0].form).toEqual(wire({ from: '2026-12-01', to: '2026-12-04' }));
		expect(ids(output)).toEqual([m.atStart, m.first, m.second]);
		const record = records().find((r) => r.meeting.id === m.second)!;
		expect(output![2]).toEqual({
			json: expect.objectContaining({
				meeting_id: m.second,
				id: m.second,
				uuid: record.uuid,
				start_time: '2026-12-04 12:00:00',
				start_time_iso: '2026-12-03T23:00:00-05:00',
				end_time: '2026-12-04 12:45:00',
				end_time_iso: '2026-12-03T23:45:00-05:00',
				duration: 45,
				participants: record.attendees.length,
				meeting_capacity: 10,
				recording: 0,
				has_video: false,
				time_zone: NEW_YORK,
			}),
			pairedItem: { item: 0 },
		});
		expect(millis(output![2].json.start_time_iso)).toBe(millis(simulator.store.get(m.second)!.start_instant));
	});

	test('a period of whole Beijing days asks for exactly those days', async () => {
		// New York 11:00 in December is Beijing midnight: the period is 2 and 3 December there.
		const inside = await held('2026-12-02 00:00:00');
		await held('2026-12-04 00:00:00');
		const { output } = await run('getMeetingHistory', {
			startDate: '2026-12-01T11:00:00',
			endDate: '2026-12-03T11:00:00',
		});
		expect(simulator.requests[0].form).toEqual(wire({ from: '2026-12-02', to: '2026-12-03' }));
		expect(ids(output)).toEqual([inside]);
	});

	test('offsets and UTC times are instants whatever the zones', async () => {
		await held('2026-12-02 00:00:00');
		// 16:00 UTC is Beijing midnight; 16:30 UTC on 3 December is 00:30 on the 4th there.
		await run('getMeetingHistory', {
			startDate: '2026-12-01T17:00:00+01:00',
			endDate: '2026-12-03T16:30:00Z',
		});
		expect(simulator.requests[0].form).toEqual(wire({ from: '2026-12-02', to: '2026-12-04' }));
	});

	test('not paged: Limit only shortens the output, Return All gives everything, one request each', async () => {
		const m = await aroundThePeriod();
		const limited = await run('getMeetingHistory', { ...DECEMBER_1_TO_4, limit: 1 });
		expect(simulator.requests).toHaveLength(1);
		expect(ids(limited.output)).toEqual([m.atStart]);
		const all = await run('getMeetingHistory', {
			...DECEMBER_1_TO_4,
			returnAll: true,
			exactPeriod: false,
		});
		expect(simulator.requests).toHaveLength(1);
		expect(ids(all.output)).toEqual([m.before, m.atStart, m.first, m.second, m.atEnd, m.after]);
	});
});

describe('Get Meeting Metrics (metrics/meetings)', () => {
	test('ended meetings: UTC times shown in New York, the clock-text length as numbers', async () => {
		const m = await aroundThePeriod();
		const { output, error } = await run('getMeetingMetrics', DECEMBER_1_TO_4);
		expect(error).toBeUndefined();
		expect(simulator.requests[0].path).toBe('/umeeting/metrics/meetings');
		expect(simulator.requests[0].form).toEqual(wire({ from: '2026-12-01', to: '2026-12-04', type: 'past' }));
		expect(ids(output)).toEqual([m.atStart, m.first, m.second]);
		expect(output![1].json).toMatchObject({
			meeting_id: m.first,
			id: m.first,
			start_time: '2026-12-02T01:00:00Z',
			start_time_iso: '2026-12-01T20:00:00-05:00',
			end_time: '2026-12-02T01:45:00Z',
			end_time_iso: '2026-12-01T20:45:00-05:00',
			duration: 45,
			duration_seconds: 2700,
			duration_text: '45:00',
			has_recording: false,
			time_zone: NEW_YORK,
		});
		expect(output![1].pairedItem).toEqual({ item: 0 });
		expect(millis(output![1].json.start_time_iso)).toBe(millis(simulator.store.get(m.first)!.start_instant));
	});

	test('In Progress sends type=live and lists the running meetings, without an end', async () => {
		simulator.setNow(shanghai('2026-12-02 09:00:00'));
		const { meeting_id } = await post('share/instant', { topic: 'Now', meeting_capacity: '5' });
		simulator.setNow(shanghai('2026-12-02 10:10:30'));
		const { output } = await run('getMeetingMetrics', { ...DECEMBER_1_TO_4, meetingState: 'live' });
		expect(simulator.requests[0].form.type).toBe('live');
		expect(output).toHaveLength(1);
		expect(output![0].json).toMatchObject({
			meeting_id,
			start_time_iso: '2026-12-01T20:00:00-05:00',
			duration: 71,
			duration_seconds: 4230,
			duration_text: '01:10:30',
		});
		expect(output![0].json).not.toHaveProperty('end_time_iso');
	});

	test('Limit only shortens the output', async () => {
		const m = await aroundThePeriod();
		const { output } = await run('getMeetingMetrics', { ...DECEMBER_1_TO_4, limit: 1 });
		expect(simulator.requests).toHaveLength(1);
		expect(ids(output)).toEqual([m.atStart]);
	});
});

describe('drag-and-drop chain', () => {
	test('Schedule -> End -> Room Usage Details of the room it was held in, by expressions only', async () => {
		await held('2026-12-02 08:00:00'); // another room, same period
		simulator.requests.length = 0;
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: NEW_YORK,
			items: [{ topic: 'Board', when: '2026-12-01T19:00:00' }],
			steps: [
				{
					name: 'Schedule',
					parameters: {
						resource: 'meeting',
						operation: 'schedule',
						topic: '={{ $json.topic }}',
						meetingCapacity: 8,
						startTime: '={{ $json.when }}',
						duration: 40,
					},
				},
				{
					name: 'End',
					parameters: {
						resource: 'meeting',
						operation: 'end',
						meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
					},
				},
				{
					name: 'Usage',
					parameters: {
						resource: 'report',
						operation: 'getRoomUsage',
						startDate: "={{ $('Schedule').item.json.start_time_iso }}",
						endDate: "={{ DateTime.fromISO($('Schedule').item.json.end_time_iso).plus({ hours: 1 }) }}",
						filters: { hostId: "={{ $('Schedule').item.json.host_id }}" },
					},
				},
			],
		});
		expect(error).toBeUndefined();
		const scheduled = outputs.Schedule![0].json;
		expect(simulator.requestsTo('share/detail')[0].form).toMatchObject({
			from: '2026-12-02',
			to: '2026-12-02',
			host_id: scheduled.host_id,
		});
		expect(outputs.Usage).toHaveLength(1);
		expect(outputs.Usage![0].json).toMatchObject({
			meeting_id: scheduled.meeting_id,
			topic: 'Board',
			start_time_iso: '2026-12-01T19:00:00-05:00',
		});
	});
});

const OPERATIONS = [
	['getRoomUsage', 'share/detail'],
	['getRoomSummary', 'share/summary'],
	['getMeetingHistory', 'share/hisMeeting'],
	['getMeetingMetrics', 'metrics/meetings'],
] as const;

describe.each(OPERATIONS)('%s: refusals by the service', (operation, endpoint) => {
	test('a non-200 status is a NodeApiError with the service message', async () => {
		simulator.injectFault(
			{ type: 'bodyStatus', status: 503, message: 'statistics are being rebuilt' },
			{ path: `/umeeting/${endpoint}` },
		);
		const { output, error } = await run(operation, DECEMBER_1_TO_4);
		expect(output).toBeUndefined();
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe(`UMeeting refused the request (${endpoint}): statistics are being rebuilt`);
	});

	test('with Continue On Fail the refused item is an error item and the next item still runs', async () => {
		simulator.injectFault(
			{ type: 'bodyStatus', status: 503, message: 'statistics are being rebuilt' },
			{ path: `/umeeting/${endpoint}` },
		);
		await held('2026-12-02 09:00:00');
		const { output, error } = await run(operation, DECEMBER_1_TO_4, {
			items: [{}, {}],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output![0]).toEqual({
			json: {
				error: `UMeeting refused the request (${endpoint}): statistics are being rebuilt`,
				description: expect.stringContaining('The service answered status 503'),
			},
			pairedItem: { item: 0 },
		});
		expect(output!.slice(1).length).toBeGreaterThan(0);
		expect(output!.slice(1).every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
		expect(output![1].json.error).toBeUndefined();
	});

	test('wrong credentials are refused by the service, not hidden', async () => {
		simulator.requests.length = 0;
		const { error } = await runUMeeting({
			credentials: { ...credentials(), apiSecret: 'not-the-secret' },
			workflowTimeZone: NEW_YORK,
			parameters: { resource: 'report', operation, ...DECEMBER_1_TO_4 },
		});
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe(`UMeeting refused the request (${endpoint}): invalid api_key or api_secret`);
	});
});

describe.each(OPERATIONS)('%s: bad input is refused before anything is sent', (operation) => {
	const refused = async (parameters: Record<string, unknown>, message: string, itemIndex = 0) => {
		const { error } = await run(operation, parameters, {
			items: Array.from({ length: itemIndex + 1 }, () => ({})),
		});
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item ${itemIndex}: ${message}`);
		expect(simulator.requests).toHaveLength(0);
	};

	test('an end not after the start', async () => {
		await refused(
			{ startDate: '2026-12-04T00:00:00', endDate: '2026-12-01T00:00:00' },
			'"End Date" must be after Start Date (start 2026-12-04T00:00:00-05:00, end 2026-12-01T00:00:00-05:00)',
		);
	});

	test('one date without the other (an expression that gives nothing)', async () => {
		await refused({ startDate: '2026-12-01T00:00:00', endDate: '={{ "" }}' }, '"End Date" is required');
		await refused({ startDate: '={{ null }}', endDate: '2026-12-01T00:00:00' }, '"Start Date" is required');
	});

	test('a period over one month of Beijing days (the service would keep only its last month)', async () => {
		await refused(
			{ startDate: '2026-11-01T00:00:00', endDate: '2026-12-02T00:00:00' },
			'"End Date" must be at most one month after Start Date: the period covers UMeeting\'s days 2026-11-01 to 2026-12-02 (Asia/Shanghai), and UMeeting reports only the last month of a longer period. Split it into months',
		);
	});

	test('a date that is not a date', async () => {
		await refused(
			{ startDate: '={{ "next tuesday" }}', endDate: '2026-12-02T00:00:00' },
			'"Start Date" must be a date and time such as "2026-12-01 09:30:00" or an ISO 8601 string (got "next tuesday")',
		);
	});

	test('a Limit below 1, in the second item: nothing is sent for the first either', async () => {
		await refused(
			{ ...DECEMBER_1_TO_4, limit: '={{ $itemIndex === 1 ? 0 : 5 }}' },
			'"Limit" must be at least 1 (got 0)',
			1,
		);
	});
});

describe('bad input of single operations', () => {
	test('an empty Room ID filter', async () => {
		const { error } = await run('getRoomSummary', { ...DECEMBER_1_TO_4, filters: { hostId: ' ' } });
		expect(error!.message).toBe(
			'Invalid input in item 0: "Filters › Room ID" is required and cannot be empty',
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('a Meeting State the node does not offer (the wire word "past" from an expression)', async () => {
		const { error } = await run('getMeetingMetrics', { ...DECEMBER_1_TO_4, meetingState: '={{ "past" }}' });
		expect(error!.message).toBe(
			'Invalid input in item 0: "Meeting State" must be one of "ended", "live" (got "past")',
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('History and Metrics need both dates; the room summary takes neither (the service day)', async () => {
		for (const operation of ['getMeetingHistory', 'getMeetingMetrics']) {
			const { error } = await run(operation, { startDate: '={{ "" }}', endDate: '={{ "" }}' });
			expect(error!.message).toBe('Invalid input in item 0: "Start Date" is required');
			expect(simulator.requests).toHaveLength(0);
		}
		const { output, error } = await run('getRoomSummary', {});
		expect(error).toBeUndefined();
		expect(simulator.requests[0].form).toEqual(wire({ page_size: '30', page_number: '1' }));
		expect(output![0].json).toMatchObject({
			from: '2026-12-10',
			to: '2026-12-10',
			period_start_iso: '2026-12-09T11:00:00-05:00',
			period_end_iso: '2026-12-10T11:00:00-05:00',
			total_meetings: 0,
			rooms: [],
		});
	});
});

/**
 * Answers written like the manual's examples (numbers as strings, yes/no as text, paging fields
 * as text) and a service that ignores page_number, from a loopback stand-in.
 */
describe('answers as the manual prints them', () => {
	const KEY = 'report-key';
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
	const SECRET = 'report-secret-1618';
	const answers: Record<string, unknown> = {};
	const server = new RecordingListener((request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify({ status: '200', message: 'OK', data: answers[request.url] }));
	});
	beforeAll(async () => await server.start());
	afterAll(async () => await server.stop());
	beforeEach(() => server.reset());

	const stub = (operation: string, parameters: Record<string, unknown> = {}) =>
		runUMeeting({
			credentials: { apiKey: KEY, apiSecret: SECRET, baseUrl: server.url, serviceTimeZone: 'Asia/Shanghai' },
			workflowTimeZone: NEW_YORK,
			parameters: { resource: 'report', operation, ...DECEMBER_1_TO_4, ...parameters },
		});

	test('share/detail: numbers and flags normalised, an unknown field kept', async () => {
		answers['/umeeting/share/detail'] = {
			from: '2026-12-1',
			to: '2026-12-04',
			total_record: '1',
			total_page: '1',
			page_number: '1',
			page_size: '30',
			has_previous_page: 'false',
			has_next_page: 'false',
			meetings: [
				{
					uuid: 'dgvOvqWVRUWjrEOS2YI2ig==',
					host_id: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
					meeting_id: 1790001234,
					topic: 'Hello',
					start_time: '2026-12-02 00:00:00',
					duration: '120',
					end_time: '2026-12-02 01:00:00',
					is_extra: '0',
					participants: null,
					room_name: 'North',
				},
			],
		};
		const { output, error } = await stub('getRoomUsage');
		expect(error).toBeUndefined();
		expect(output![0].json).toMatchObject({
			meeting_id: '1790001234',
			duration: 120,
			is_extra: 0,
			participants: [],
			room_name: 'North',
			start_time_iso: '2026-12-01T11:00:00-05:00',
		});
	});

	test("share/summary: counts as strings become numbers; the service's own day texts are read", async () => {
		answers['/umeeting/share/summary'] = {
			from: '2026-12-1',
			to: '2026-12-04',
			total_record: '1',
			total_page: '1',
			page_number: '1',
			has_next_page: false,
			total_meetings: '7',
			total_participants: '17',
			total_meeting_minutes: '160',
			rooms: [
				{
					host_id: 'ROOM',
					is_extra: 0,
					meetings: '7',
					participants: 17,
					meeting_minutes: '160',
					total_fee: '1.2',
				},
			],
		};
		const { output } = await stub('getRoomSummary');
		expect(output![0].json).toMatchObject({
			from: '2026-12-1',
			period_start_iso: '2026-11-30T11:00:00-05:00',
			total_meetings: 7,
			total_participants: 17,
			total_meeting_minutes: 160,
			total_rooms: 1,
			rooms: [
				{ host_id: 'ROOM', is_extra: 0, meetings: 7, participants: 17, meeting_minutes: 160, total_fee: 1.2 },
			],
		});
	});

	test('share/hisMeeting and metrics/meetings: ids as text, yes/no as booleans, "03:55:08" as minutes', async () => {
		answers['/umeeting/share/hisMeeting'] = [
			{
				uuid: 'x==',
				id: 1525647127,
				start_time: '2026-12-02 05:33:22',
				duration: '166',
				participants: '3',
				has_video: 'false',
				recording: 0,
			},
		];
		answers['/umeeting/metrics/meetings'] = [
			{
				uuid: 'y==',
				id: 1317246759,
				start_time: '2026-12-02T00:54:50Z',
				end_time: '2026-12-02T04:49:58Z',
				duration: '03:55:08',
				participants: 25,
				has_video: true,
			},
		];
		const history = await stub('getMeetingHistory');
		expect(history.output![0].json).toMatchObject({
			meeting_id: '1525647127',
			id: '1525647127',
			duration: 166,
			participants: 3,
			has_video: false,
			start_time_iso: '2026-12-01T16:33:22-05:00',
		});
		const metrics = await stub('getMeetingMetrics');
		expect(metrics.output![0].json).toMatchObject({
			meeting_id: '1317246759',
			duration: 236,
			duration_seconds: 14_108,
			duration_text: '03:55:08',
			start_time_iso: '2026-12-01T19:54:50-05:00',
			end_time_iso: '2026-12-01T23:49:58-05:00',
		});
	});

	test('a service that ignores page_number: Return All stops after page 2 with a NodeApiError', async () => {
		answers['/umeeting/share/detail'] = {
			page_number: 1,
			total_page: 9,
			has_next_page: true,
			meetings: [{ uuid: 'same==', meeting_id: '1790001234', start_time: '2026-12-02 00:00:00' }],
		};
		const { error } = await stub('getRoomUsage', { returnAll: true });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting answered page 2 of share/detail with the same entries as page 1');
		expect(server.requests).toHaveLength(2);
	});
});
