import type { IDataObject } from 'n8n-workflow';

import { runChain, runUMeeting } from '../helpers/engine';
import { searchMeetings } from '../helpers/listSearch';
import { useSimulator } from '../helpers/simulator';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

const meeting = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'meeting',
	operation,
	...parameters,
});
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

async function scheduleOne(topic = 'Planning', extra: Record<string, unknown> = {}) {
	const { output, error } = await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: 'Asia/Shanghai',
		parameters: meeting('schedule', {
			topic,
			meetingCapacity: 6,
			startTime: '2026-12-01T10:00:00',
			duration: 45,
			...extra,
		}),
	});
	if (error) throw new Error(error.message);
	return output![0].json as { meeting_id: string; occurrences?: Array<{ uuid: string }> };
}

async function run(operation: string, parameters: Record<string, unknown>, items?: IDataObject[]) {
	simulator.requests.length = 0;
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: 'Asia/Shanghai',
		items,
		parameters: meeting(operation, parameters),
	});
}

describe('Start Instant Meeting', () => {
	test('sends its own field set and outputs the meeting, which is then in progress', async () => {
		const { output, error } = await run('createInstant', {
			topic: 'Incident bridge',
			meetingCapacity: 12,
			additionalFields: { joinBeforeHost: true, duration: 90, waitingRoom: false },
		});
		expect(error).toBeUndefined();
		expect(simulator.requests[0].path).toBe('/umeeting/share/instant');
		expect(simulator.requests[0].form).toEqual({
			topic: 'Incident bridge',
			meeting_capacity: '12',
			duration: '90',
			option_jbh: 'true',
			waiting_room: 'false',
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		const stored = simulator.store.get(output![0].json.meeting_id as string)!;
		expect(stored.status).toBe(1);
		expect(output![0].json).toMatchObject({ join_url: stored.join_url, start_time: '2026-11-30 08:00:00' });
		expect(output![0].json.start_time_iso).toBe('2026-11-30T08:00:00+08:00');
	});

	test('never sends a start time, even one left in the workflow from another operation', async () => {
		const { error } = await run('createInstant', {
			topic: 'x',
			meetingCapacity: 2,
			startTime: '2026-12-01T10:00:00',
		});
		expect(error).toBeUndefined();
		expect(simulator.requests[0].form).not.toHaveProperty('start_time');
	});
});

describe('Get', () => {
	test('normalises numbers sent as strings, names the state and adds the ISO start', async () => {
		const { meeting_id } = await scheduleOne('Budget', { additionalFields: { userKey: 'crm-7' } });
		const { output } = await run('get', { meetingId: byId(meeting_id), timeZone: 'America/New_York' });
		expect(simulator.requests[0].form).toEqual({
			meeting_id,
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		expect(output![0].json).toMatchObject({
			id: meeting_id,
			topic: 'Budget',
			start_time: '2026-12-01 10:00:00',
			// The service's 10:00 is Beijing time: 21:00 the evening before in New York.
			start_time_iso: '2026-11-30T21:00:00-05:00',
			end_time_iso: '2026-11-30T21:45:00-05:00',
			time_zone: 'America/New_York',
			duration: 45,
			meeting_capacity: 6,
			status: 0,
			status_name: 'scheduled',
			user_key: 'crm-7',
		});
	});

	test('an unknown meeting is a NodeApiError with the service message', async () => {
		const { error } = await run('get', { meetingId: byId('1234567890') });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting refused the request (share/get): meeting not found');
	});

	test('a malformed ID is refused before sending', async () => {
		// A typed value is checked by the editor; an expression can still produce anything.
		const { error } = await run('get', { meetingId: byId('={{ "abc-123" }}') });
		expect(error!.message).toBe(
			'Invalid input in item 0: "Meeting" must be a meeting number, digits only (got "abc-123")',
		);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('Update', () => {
	test('with start and duration left out, reads the meeting first and keeps them', async () => {
		const { meeting_id } = await scheduleOne();
		const { output, error } = await run('update', {
			meetingId: byId(meeting_id),
			updateFields: { topic: 'Planning (moved room)', waitingRoom: true },
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get', '/umeeting/share/update']);
		expect(simulator.requests[1].form).toEqual({
			id: meeting_id,
			topic: 'Planning (moved room)',
			start_time: '2026-12-01 10:00:00',
			duration: '45',
			waiting_room: 'true',
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		expect(output![0].json).toMatchObject({ success: true, meeting_id, topic: 'Planning (moved room)' });
		expect(simulator.store.get(meeting_id)!.topic).toBe('Planning (moved room)');
	});

	test('a reschedule with both given: Keep As It Is reads the current start first (a kept series must not move), then sends the new start in the chosen zone', async () => {
		const { meeting_id } = await scheduleOne();
		await run('update', {
			meetingId: byId(meeting_id),
			timeZone: 'UTC',
			updateFields: { startTime: '2026-12-02T06:30:00', duration: 60 },
		});
		expect(simulator.requests.map((r) => [r.path, r.form.start_time])).toEqual([
			['/umeeting/share/get', undefined],
			['/umeeting/share/update', '2026-12-02 14:30:00'],
		]);
		expect(simulator.store.get(meeting_id)).toMatchObject({
			start_instant: '2026-12-02T06:30:00.000Z',
			duration: 60,
		});
	});

	test('recurrence can be added, changed and removed', async () => {
		const { meeting_id } = await scheduleOne();
		await run('update', {
			meetingId: byId(meeting_id),
			recurrenceChange: 'set',
			recurrence: { rule: { type: 'daily', dailyType: 'weekdays', endBy: 'times', endTimes: 3 } },
		});
		expect(simulator.requests[1].form).toMatchObject({
			recurrence_type: '1',
			daily_type: '2',
			end_times: '3',
		});
		expect(simulator.store.get(meeting_id)!.occurrences).toHaveLength(3);

		await run('update', {
			meetingId: byId(meeting_id),
			recurrenceChange: 'set',
			recurrence: {
				rule: { type: 'weekly', weeklyDays: ['friday'], endBy: 'date', endDateTime: '2026-12-31T23:00:00' },
			},
		});
		expect(simulator.requests[1].form).toMatchObject({
			recurrence_type: '2',
			weekly_days: '5',
			end_date_time: '2026-12-31 23:00:00',
		});

		await run('update', { meetingId: byId(meeting_id), recurrenceChange: 'remove' });
		expect(simulator.requests[1].form.recurrence_type).toBe('');
		expect(simulator.store.get(meeting_id)!.occurrences ?? []).toHaveLength(0);
	});

	test('an end date before the current start is refused after reading the meeting, and nothing changes', async () => {
		const { meeting_id } = await scheduleOne();
		const { error } = await run('update', {
			meetingId: byId(meeting_id),
			recurrenceChange: 'set',
			recurrence: { rule: { type: 'daily', endBy: 'date', endDateTime: '2026-11-30T10:00:00' } },
		});
		expect(error!.message).toBe(
			'Invalid input in item 0: "Recurrence › End Date" must be after the start time 2026-12-01 10:00:00 (got 2026-11-30 10:00:00)',
		);
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get']);
	});
});

describe('End and Delete', () => {
	test('one occurrence by uuid, then the whole series by meeting number', async () => {
		const { meeting_id, occurrences } = await scheduleOne('Series', {
			recurrence: { rule: { type: 'daily', endBy: 'times', endTimes: 3 } },
		});
		const { output } = await run('end', {
			meetingId: { __rl: true, mode: 'occurrence', value: occurrences![1].uuid },
		});
		expect(simulator.requests[0].form.id).toBe(occurrences![1].uuid);
		expect(output![0].json).toEqual({ success: true, meeting_id: occurrences![1].uuid, ended: true });
		expect(simulator.store.get(meeting_id)!.occurrences!.map((o) => o.status)).toEqual([0, 3, 0]);

		await run('delete', { meetingId: byId(meeting_id) });
		expect(simulator.store.get(meeting_id)).toMatchObject({ status: 2, deleted: true });
	});

	test('ending twice: the service refuses, the meeting reads as ended, so the item says so plainly', async () => {
		const { meeting_id } = await scheduleOne();
		await run('end', { meetingId: byId(meeting_id) });
		const { output, error } = await run('end', { meetingId: byId(meeting_id) });
		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({ success: true, meeting_id, ended: true, already_ended: true });
	});

	test('ending a cancelled meeting stays a failure: it is not in the state End leads to', async () => {
		const { meeting_id } = await scheduleOne();
		await run('delete', { meetingId: byId(meeting_id) });
		const { error } = await run('end', { meetingId: byId(meeting_id) });
		expect(error!.message).toMatch(/UMeeting refused the request \(share\/end\)/);
	});
});

describe('Get Many and Get History', () => {
	test('Return All follows every page; Limit stops early; the user key filters', async () => {
		for (let n = 0; n < 65; n++) {
			await scheduleOne(`Training ${n}`, { additionalFields: { userKey: n % 2 ? 'team-b' : 'team-a' } });
		}
		const all = await run('getAll', { returnAll: true });
		expect(all.output).toHaveLength(65);
		expect(simulator.requests.map((r) => r.form.page_number)).toEqual(['1', '2', '3']);
		expect(
			all.output!.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(new Set(all.output!.map((item) => item.json.id)).size).toBe(65);
		expect(all.output![0].json).toMatchObject({
			status: 0,
			status_name: 'scheduled',
			start_time_iso: expect.any(String),
		});

		const some = await run('getAll', { returnAll: false, limit: 40 });
		expect(some.output).toHaveLength(40);
		expect(simulator.requests.map((r) => r.form.page_number)).toEqual(['1', '2']);

		const filtered = await run('getAll', { returnAll: true, filters: { userKey: 'team-b' } });
		expect(filtered.output).toHaveLength(32);
		expect(simulator.requests[0].form.user_key).toBe('team-b');
	});

	test('history lists ended and cancelled meetings with readable states', async () => {
		const a = await scheduleOne('A');
		const b = await scheduleOne('B');
		await scheduleOne('C');
		await run('end', { meetingId: byId(a.meeting_id) });
		await run('delete', { meetingId: byId(b.meeting_id) });
		const { output } = await run('getHistory', { returnAll: true });
		expect(output!.map((item) => [item.json.topic, item.json.status_name]).sort()).toEqual([
			['A', 'ended'],
			['B', 'cancelled'],
		]);
	});
});

describe('Host token, start URL and capacity', () => {
	test('host token', async () => {
		const { meeting_id } = await scheduleOne();
		const { output } = await run('getToken', { meetingId: byId(meeting_id) });
		const stored = simulator.store.get(meeting_id)!;
		expect(output![0].json).toEqual({ meeting_id, host_id: stored.host_id, token: stored.token });
	});

	test('start URL only inside the early-join window', async () => {
		const { meeting_id } = await scheduleOne();
		const early = await run('getStartUrl', { meetingId: byId(meeting_id) });
		expect(early.error!.message).toMatch(
			/refused the request \(share\/getStartUrl\): the start URL is only available from 15 minutes before/,
		);

		simulator.setNow(shanghai('2026-12-01 09:50:00'));
		const inWindow = await run('getStartUrl', { meetingId: byId(meeting_id) });
		expect(inWindow.output![0].json).toEqual({
			meeting_id,
			start_url: simulator.store.get(meeting_id)!.start_url,
		});
	});

	test('capacity goes in the path and the form', async () => {
		const { meeting_id } = await scheduleOne();
		const { output } = await run('setCapacity', { meetingId: byId(meeting_id), meetingCapacity: 40 });
		expect(simulator.requests[0].path).toBe(`/umeeting/share/resetCapacity/${meeting_id}`);
		expect(simulator.requests[0].form).toEqual({
			meeting_capacity: '40',
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		expect(output![0].json).toEqual({ success: true, meeting_id, meeting_capacity: 40 });
		expect(simulator.store.get(meeting_id)!.meeting_capacity).toBe(40);
	});
});

describe('Meeting "From List"', () => {
	test('lists scheduled meetings page by page and filters by topic or number', async () => {
		for (let n = 0; n < 35; n++) await scheduleOne(`Weekly ${n}`);
		const first = await searchMeetings(credentials());
		expect(first.results).toHaveLength(30);
		expect(first.paginationToken).toBe('2');
		const second = await searchMeetings(credentials(), undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		// The oldest meeting sits on the second page: a filtered search makes one request per page the
		// editor asks for, so the match shows once the user scrolls on.
		const [oldest] = simulator.store.all();
		simulator.requests.length = 0;
		const found = await searchMeetings(credentials(), oldest.id);
		expect(found).toEqual({ results: [], paginationToken: '2' });
		const foundNext = await searchMeetings(credentials(), oldest.id, '2');
		expect(foundNext.results).toEqual([
			{ name: expect.stringContaining(oldest.topic), value: oldest.id, url: oldest.join_url },
		]);
		expect(simulator.requests).toHaveLength(2);
		const byTopic = [
			...(await searchMeetings(credentials(), 'weekly 3')).results,
			...(await searchMeetings(credentials(), 'weekly 3', '2')).results,
		];
		expect(byTopic.map((r) => r.value).sort()).toEqual(
			simulator.store
				.all()
				.filter((m) => m.topic.startsWith('Weekly 3'))
				.map((m) => m.id)
				.sort(),
		);
	});
});

test('a workflow chain: schedule → get → update → get many → end → delete, state checked after each step', async () => {
	const { outputs, error } = await runChain({
		credentials: credentials(),
		workflowTimeZone: 'Asia/Shanghai',
		items: [{ customer: 'ACME', when: '2026-12-03T15:00:00+08:00' }],
		steps: [
			{
				name: 'Schedule',
				parameters: meeting('schedule', {
					topic: '=Demo for {{ $json.customer }}',
					meetingCapacity: 5,
					startTime: '={{ $json.when }}',
					duration: 40,
				}),
			},
			{
				name: 'Get',
				parameters: meeting('get', {
					meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
				}),
			},
			{
				name: 'Reschedule',
				parameters: meeting('update', {
					meetingId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					updateFields: { startTime: '2026-12-04T16:00:00' },
				}),
			},
			{ name: 'Today', parameters: meeting('getAll', { returnAll: true }) },
			{
				name: 'End',
				parameters: meeting('end', {
					meetingId: { __rl: true, mode: 'id', value: "={{ $('Schedule').item.json.meeting_id }}" },
				}),
			},
			{
				name: 'Delete',
				parameters: meeting('delete', {
					meetingId: { __rl: true, mode: 'id', value: "={{ $('Schedule').item.json.meeting_id }}" },
				}),
			},
		],
	});
	expect(error).toBeUndefined();
	const id = outputs.Schedule![0].json.meeting_id as string;
	expect(outputs.Schedule![0].json.start_time).toBe('2026-12-03 15:00:00');
	expect(outputs.Get![0].json).toMatchObject({ id, topic: 'Demo for ACME', status_name: 'scheduled' });
	expect(outputs.Reschedule![0].json).toMatchObject({
		success: true,
		meeting_id: id,
		start_time: '2026-12-04 16:00:00',
		duration: '40',
	});
	expect(outputs.Today!.map((item) => [item.json.id, item.json.start_time])).toEqual([
		[id, '2026-12-04 16:00:00'],
	]);
	expect(outputs.End![0].json).toEqual({ success: true, meeting_id: id, ended: true });
	expect(outputs.Delete![0].json).toEqual({ success: true, meeting_id: id, deleted: true });
	expect(simulator.store.get(id)).toMatchObject({
		status: 3,
		deleted: true,
		start_time: '2026-12-04 16:00:00',
	});
	expect(simulator.requests.map((r) => r.path.replace('/umeeting/', ''))).toEqual([
		'share/schedule',
		'share/get',
		'share/get',
		'share/update',
		'share/list',
		'share/end',
		'share/delete',
	]);
});
