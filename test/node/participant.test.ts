import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { runChain, runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import { ENDPOINTS } from '../simulator/endpoints';
import { attendees, recordUuid } from '../simulator/sessions';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

const WORKFLOW_ZONE = 'America/New_York';
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const ms = (iso: unknown) => DateTime.fromISO(iso as string, { setZone: true }).toMillis();

/** Books (and optionally ends) a meeting straight on the simulator: 10:00-10:45 Shanghai, 1 December. */
async function meeting(fields: Record<string, string> = {}, end = true) {
	const call = async (path: string, form: Record<string, string>) => {
		const response = await fetch(`${simulator.url}/umeeting/${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form, api_key: simulator.apiKey, api_secret: simulator.apiSecret }),
		});
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		const body = (await response.json()) as { status: number; data: any };
		expect(body.status).toBe(200);
		return body.data;
	};
	const booked = (await call('share/schedule', {
		topic: 'Design review',
		meeting_capacity: '10',
		start_time: '2026-12-01 10:00:00',
		duration: '45',
		...fields,
	})) as { meeting_id: string; host_id: string; occurrences?: Array<{ uuid: string }> };
	if (end) await call('share/end', { id: booked.meeting_id });
	simulator.requests.length = 0;
	return { ...booked, call };
}

const stored = (id: string) => simulator.store.get(id)!;

async function run(
	parameters: Record<string, unknown>,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	simulator.requests.length = 0;
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: WORKFLOW_ZONE,
		items: options.items,
		continueOnFail: options.continueOnFail,
		parameters: { resource: 'participant', ...parameters },
	});
}

const credentialFields = () => ({ api_key: simulator.apiKey, api_secret: simulator.apiSecret });

describe('Participant: Get Many', () => {
	test('one item per attendee with the meeting totals, ISO times at the instants the service holds', async () => {
		const held = await meeting();
		const { output, error } = await run({
			operation: 'getAll',
			meetingId: byId(held.meeting_id),
			hostId: held.host_id,
			meetingTopic: 'Design review',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual([
			`/umeeting/share/meeting/${held.meeting_id}/participants`,
		]);
		expect(simulator.requests[0].form).toEqual({
			topic: 'Design review',
			host_id: held.host_id,
			...credentialFields(),
		});
		const people = stored(held.meeting_id).sessions![0].participants;
		expect(output).toHaveLength(people.length);
		const totalMinutes = people.reduce((sum, p) => sum + Math.round((ms(p.leave) - ms(p.join)) / 60_000), 0);
		output!.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: 0 });
			const person = people.find((p) => p.user_id === item.json.user_id)!;
			expect(item.json).toMatchObject({
				user_name: person.user_name,
				meeting_id: held.meeting_id,
				meeting_topic: 'Design review',
				meeting_start_time: '2026-12-01 10:00:00',
				// 10:00 in Shanghai is 21:00 the evening before in New York.
				meeting_start_time_iso: '2026-11-30T21:00:00-05:00',
				meeting_duration: 45,
				total_participants: people.length,
				total_minutes: totalMinutes,
				time_zone: WORKFLOW_ZONE,
			});
			expect(item.json.join_time_iso).toMatch(/^2026-11-30T21:\d\d:\d\d-05:00$/);
			expect(ms(item.json.join_time_iso)).toBe(ms(person.join));
			expect(ms(item.json.leave_time_iso)).toBe(ms(person.leave));
			if (index > 0)
				expect(ms(item.json.join_time_iso)).toBeGreaterThanOrEqual(ms(output![index - 1].json.join_time_iso));
		});
	});

	test('Host ID and Topic left empty are looked up first; the host token never reaches the output', async () => {
		const held = await meeting({ topic: 'Quarterly numbers' });
		const { output, error } = await run({ operation: 'getAll', meetingId: byId(held.meeting_id), limit: 50 });
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual([
			'/umeeting/share/get',
			'/umeeting/share/token',
			`/umeeting/share/meeting/${held.meeting_id}/participants`,
		]);
		expect(simulator.requests[2].form).toEqual({
			topic: 'Quarterly numbers',
			host_id: held.host_id,
			...credentialFields(),
		});
		expect(output!.length).toBeGreaterThan(0);
		expect(JSON.stringify(output)).not.toContain(stored(held.meeting_id).token);
	});

	test('Limit caps the attendees; each input item gets its own list, paired to it', async () => {
		const first = await meeting();
		const second = await meeting({ topic: 'Retro' });
		const count = (id: string) => stored(id).sessions![0].participants.length;
		const { output } = await run(
			{
				operation: 'getAll',
				meetingId: byId('={{ $json.id }}'),
				hostId: '={{ $json.host }}',
				meetingTopic: '={{ $json.topic }}',
				limit: 2,
			},
			{
				items: [
					{ id: first.meeting_id, host: first.host_id, topic: 'Design review' },
					{ id: second.meeting_id, host: second.host_id, topic: 'Retro' },
				],
			},
		);
		expect(output!.map((item) => [item.pairedItem, item.json.meeting_id])).toEqual([
			[{ item: 0 }, first.meeting_id],
			[{ item: 0 }, first.meeting_id],
			[{ item: 1 }, second.meeting_id],
			[{ item: 1 }, second.meeting_id],
		]);
		const all = await run({
			operation: 'getAll',
			meetingId: byId(second.meeting_id),
			hostId: second.host_id,
			meetingTopic: 'Retro',
			returnAll: true,
		});
		expect(all.output).toHaveLength(count(second.meeting_id));
		expect(count(second.meeting_id)).toBeGreaterThan(2);
	});

	test('a meeting not yet held gives no items', async () => {
		const booked = await meeting({}, false);
		const { output, error } = await run({
			operation: 'getAll',
			meetingId: byId(booked.meeting_id),
			hostId: booked.host_id,
			meetingTopic: 'Design review',
		});
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('the item zone chooses the offset of every ISO time', async () => {
		const held = await meeting();
		const { output } = await run({
			operation: 'getAll',
			meetingId: byId(held.meeting_id),
			hostId: held.host_id,
			meetingTopic: 'x',
			timeZone: 'Asia/Kolkata',
		});
		expect(output![0].json).toMatchObject({
			meeting_start_time_iso: '2026-12-01T07:30:00+05:30',
			time_zone: 'Asia/Kolkata',
		});
		expect(output![0].json.join_time_iso).toMatch(/\+05:30$/);
	});

	test('a wrong host ID is refused by the service: NodeApiError, or an error item with Continue On Fail', async () => {
		const held = await meeting();
		const parameters = {
			operation: 'getAll',
			meetingId: byId(held.meeting_id),
			hostId: 'not-the-host',
			meetingTopic: 'Design review',
		};
		const { error } = await run(parameters);
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe(
			`UMeeting refused the request (share/meeting/${held.meeting_id}/participants): host_id is not the host of this meeting`,
		);
		const { output } = await run(parameters, { continueOnFail: true, items: [{}, {}] });
		expect(output).toHaveLength(2);
		expect(output![1]).toMatchObject({
			json: { error: expect.stringContaining('host_id is not the host') },
			pairedItem: { item: 1 },
		});
	});

	test('an unknown meeting is refused when looking up its topic', async () => {
		const { error } = await run({ operation: 'getAll', meetingId: byId('1234567890') });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting refused the request (share/get): meeting not found');
	});

	test.each([
		[{ meetingId: byId('={{ "12-34" }}') }, '"Meeting" must be a meeting number, digits only (got "12-34")'],
		[{ meetingId: byId('1770000001'), limit: 0 }, '"Limit" must be at least 1 (got 0)'],
		[{ meetingId: byId('1770000001'), hostId: '={{ { id: 1 } }}' }, '"Host ID" must be text (got an object)'],
	])('bad input %# fails before anything is sent, naming field and item', async (parameters, problem) => {
		const { error } = await run({ operation: 'getAll', ...parameters }, { items: [{}, {}] });
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('Participant: Get Meeting Report', () => {
	test('by meeting number: one item with every attendee, read page by page', async () => {
		const held = await meeting({ recording: 'cloud' });
		const session = stored(held.meeting_id).sessions![0];
		session.participants = attendees('crowd', session, 230);
		const { output, error } = await run({
			operation: 'getReport',
			meetingId: byId(held.meeting_id),
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.form)).toEqual(
			[1, 2, 3].map((page) => ({
				meeting_id: held.meeting_id,
				type: '2',
				page_size: '100',
				page_number: String(page),
				...credentialFields(),
			})),
		);
		expect(output).toHaveLength(1);
		const [item] = output!;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			meeting_id: held.meeting_id,
			id: held.meeting_id,
			uuid: recordUuid(held.meeting_id),
			type: 'Past Meeting',
			start_time: '2026-12-01T02:00:00Z',
			start_time_iso: '2026-11-30T21:00:00-05:00',
			end_time_iso: '2026-11-30T21:45:00-05:00',
			duration: 45,
			recording: 1,
			participants_count: 230,
			time_zone: WORKFLOW_ZONE,
		});
		expect(item.json).not.toHaveProperty('page_count');
		expect(item.json).not.toHaveProperty('page_number');
		const listed = item.json.participants as IDataObject[];
		expect(listed).toHaveLength(230);
		expect(new Set(listed.map((p) => p.user_id)).size).toBe(230);
		for (const person of listed) {
			const held = session.participants.find((p) => p.user_id === person.user_id)!;
			expect(ms(person.join_time_iso)).toBe(ms(held.join));
			expect(ms(person.leave_time_iso)).toBe(ms(held.leave));
			expect(person.join_time_iso).toMatch(/-05:00$/);
		}
	});

	test('by the uuid of a held session: the statistics shape, normalised (user_name, ISO from service texts)', async () => {
		const series = await meeting({ recurrence_type: '1', end_times: '2' }, false);
		const occurrence = series.occurrences![1];
		await series.call('share/end', { id: occurrence.uuid });
		simulator.requests.length = 0;
		const { output, error } = await run({
			operation: 'getReport',
			meetingId: { __rl: true, mode: 'occurrence', value: occurrence.uuid },
			timeZone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.form)).toEqual([{ uuid: occurrence.uuid, ...credentialFields() }]);
		const session = stored(series.meeting_id).sessions![0];
		expect(output![0].json).toMatchObject({
			meeting_id: series.meeting_id,
			uuid: occurrence.uuid,
			start_time: '2026-12-02 10:00:00',
			start_time_iso: '2026-12-02T03:00:00+01:00',
			end_time_iso: '2026-12-02T03:45:00+01:00',
			duration: 45,
			time_zone: 'Europe/Berlin',
		});
		const listed = output![0].json.participants as IDataObject[];
		expect(listed).toHaveLength(session.participants.length);
		for (const person of listed) {
			const held = session.participants.find((p) => p.user_name === person.name)!;
			expect(person.user_name).toBe(held.user_name);
			expect(ms(person.join_time_iso)).toBe(ms(held.join));
			expect(person.meeting_id).toBe(series.meeting_id);
		}
	});

	test('a meeting in progress: its live report (type 1)', async () => {
		const response = await fetch(`${simulator.url}/umeeting/share/instant`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				topic: 'Bridge',
				meeting_capacity: '4',
				api_key: simulator.apiKey,
				api_secret: simulator.apiSecret,
			}),
		});
		const { data } = (await response.json()) as { data: { meeting_id: string } };
		const { output } = await run({
			operation: 'getReport',
			meetingId: byId(data.meeting_id),
			meetingState: 'live',
		});
		expect(simulator.requests[0].form).toMatchObject({ meeting_id: data.meeting_id, type: '1' });
		expect(output![0].json).toMatchObject({
			type: 'Live Meeting',
			start_time_iso: '2026-11-29T19:00:00-05:00',
			end_time_iso: null,
			participants: [],
		});
	});

	test('a meeting not yet held is refused: NodeApiError, or an error item with Continue On Fail', async () => {
		const booked = await meeting({}, false);
		const parameters = { operation: 'getReport', meetingId: byId(booked.meeting_id) };
		const { error } = await run(parameters);
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe(
			'UMeeting refused the request (share/meetingdetail): the meeting has no record yet: it has not ended',
		);
		const { output } = await run(parameters, { continueOnFail: true });
		expect(output).toEqual([
			{ json: expect.objectContaining({ error: error!.message }), pairedItem: { item: 0 } },
		]);
	});

	test.each([
		[
			{ meetingId: byId('={{ "1770000001,1770000002" }}') },
			'"Meeting" must be a meeting number (digits) or the uuid of one occurrence (got "1770000001,1770000002")',
		],
		[
			{ meetingId: byId('1770000001'), meetingState: '={{ "past" }}' },
			'"Meeting State" must be one of "ended", "live" (got "past")',
		],
	])('bad input %# fails before anything is sent', async (parameters, problem) => {
		const { error } = await run({ operation: 'getReport', ...parameters });
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(simulator.requests).toHaveLength(0);
	});

	test('a service that ignores page_number is stopped with a clear error, not read forever', async () => {
		const held = await meeting();
		const session = stored(held.meeting_id).sessions![0];
		session.participants = attendees('crowd', session, 150);
		const path = '/umeeting/share/meetingdetail';
		const real = ENDPOINTS[path];
		ENDPOINTS[path] = (form, context) => real({ ...form, page_number: '1' }, context);
		try {
			const { error } = await run({ operation: 'getReport', meetingId: byId(held.meeting_id) });
			expect(error!.name).toBe('NodeApiError');
			expect(error!.message).toBe(
				'UMeeting answered page 2 of share/meetingdetail with the same entries as page 1',
			);
			expect(simulator.requests).toHaveLength(2);
		} finally {
			ENDPOINTS[path] = real;
		}
	});
});

describe('chain: schedule (cloud recording) -> end -> participants -> recordings', () => {
	test('ids, host and topic dragged in from earlier nodes; each attendee gets the video link', async () => {
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: WORKFLOW_ZONE,
			steps: [
				{
					name: 'Schedule',
					parameters: {
						resource: 'meeting',
						operation: 'schedule',
						topic: 'Customer onboarding',
						meetingCapacity: 8,
						startTime: '2026-12-01T10:00:00',
						duration: 45,
						additionalFields: { recording: 'cloud' },
					},
				},
				{
					name: 'End',
					parameters: { resource: 'meeting', operation: 'end', meetingId: byId('={{ $json.meeting_id }}') },
				},
				{
					name: 'Attendees',
					parameters: {
						resource: 'participant',
						operation: 'getAll',
						meetingId: byId('={{ $json.meeting_id }}'),
						hostId: "={{ $('Schedule').item.json.host_id }}",
						meetingTopic: "={{ $('Schedule').params.topic }}",
						returnAll: true,
					},
				},
				{
					name: 'Recording',
					parameters: {
						resource: 'recording',
						operation: 'getAll',
						meetingId: byId('={{ $json.meeting_id }}'),
						startTime: '={{ $json.meeting_start_time_iso }}',
						limit: 1,
					},
				},
			],
		});
		expect(error).toBeUndefined();
		const meetingId = outputs.Schedule![0].json.meeting_id as string;
		const session = stored(meetingId).sessions![0];
		expect(simulator.requestsTo(`share/meeting/${meetingId}/participants`)[0].form).toMatchObject({
			topic: 'Customer onboarding',
			host_id: stored(meetingId).host_id,
		});
		// 10:00 in New York is 23:00 in Shanghai: the recording query is written in the service zone.
		const recordingQueries = simulator.requestsTo('cloud/recording');
		expect(recordingQueries.map((r) => r.form.start_time)).toEqual(
			session.participants.map(() => '2026-12-01 23:00:00'),
		);
		expect(outputs.Attendees).toHaveLength(session.participants.length);
		expect(outputs.Recording).toHaveLength(session.participants.length);
		outputs.Recording!.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				file_type: 'MP4',
				meeting_id: session.uuid,
				play_url: session.recordings[0].play_url,
				download_url: session.recordings[0].download_url,
				time_zone: WORKFLOW_ZONE,
			});
			expect(ms(item.json.recording_start_iso)).toBe(ms(session.recordings[0].start));
		});
	});
});

describe('Participant: Get Many of one held session (share/participants)', () => {
	/** A daily series of three whose first two occurrences have ended, each a held session. */
	async function heldOccurrences() {
		const series = await meeting({ recurrence_type: '1', end_times: '3' }, false);
		const [first, second] = series.occurrences!;
		await series.call('share/end', { id: first.uuid });
		await series.call('share/end', { id: second.uuid });
		simulator.requests.length = 0;
		const sessions = stored(series.meeting_id).sessions!;
		return { series, first: sessions[0], second: sessions[1] };
	}

	const inZone = (instant: string, zone: string) =>
		DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true });

	test('one item per attendee of that session only, exact form, UTC times as ISO at the held instants', async () => {
		const { second } = await heldOccurrences();
		const { output, error } = await run({
			operation: 'getAll',
			source: 'session',
			sessionUuid: second.uuid,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/participants']);
		expect(simulator.requests[0].form).toEqual({ uuid: second.uuid, ...credentialFields() });
		const people = [...second.participants].sort((a, b) => ms(a.join) - ms(b.join));
		expect(output).toHaveLength(people.length);
		output!.forEach((item, index) => {
			const person = people[index];
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toEqual({
				id: '',
				user_id: person.user_id,
				user_name: person.user_name,
				device: person.device,
				ip_address: person.ip_address,
				cn: 'CN',
				city: person.city,
				network_type: person.network_type,
				join_time: DateTime.fromISO(person.join).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"),
				leave_time: DateTime.fromISO(person.leave).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"),
				share_application: false,
				share_desktop: person.share_desktop,
				share_whiteboard: false,
				recording: false,
				join_time_iso: inZone(person.join, WORKFLOW_ZONE),
				leave_time_iso: inZone(person.leave, WORKFLOW_ZONE),
				meeting_uuid: second.uuid,
				time_zone: WORKFLOW_ZONE,
			});
			expect(ms(item.json.join_time_iso)).toBe(ms(person.join));
			expect(ms(item.json.leave_time_iso)).toBe(ms(person.leave));
			// The second occurrence ran 10:00-10:45 in Shanghai on 2 December: 21:00-21:45 on the 1st in New York.
			expect(item.json.join_time_iso).toMatch(/^2026-12-01T21:[0-4]\d:\d\d-05:00$/);
		});
	});

	test('the item zone chooses the offset; a single meeting is a session too, by the uuid of its record', async () => {
		const held = await meeting();
		const session = stored(held.meeting_id).sessions![0];
		const { output } = await run({
			operation: 'getAll',
			source: 'session',
			sessionUuid: ` ${recordUuid(held.meeting_id)} `,
			timeZone: 'Asia/Kolkata',
		});
		expect(simulator.requests[0].form.uuid).toBe(session.uuid);
		expect(output!.length).toBe(session.participants.length);
		for (const item of output!) {
			expect(item.json.time_zone).toBe('Asia/Kolkata');
			expect(item.json.join_time_iso).toMatch(
				/^2026-12-01T07:[3-9]\d:\d\d\+05:30$|^2026-12-01T08:[01]\d:\d\d\+05:30$/,
			);
			const person = session.participants.find((p) => ms(p.join) === ms(item.json.join_time_iso));
			expect(person).toBeDefined();
		}
	});

	test('the manual answer shapes: a service text is read in the service zone, a missing leave time gives null', async () => {
		const path = '/umeeting/share/participants';
		const real = ENDPOINTS[path];
		ENDPOINTS[path] = () => [
			{
				id: '',
				user_id: 50342912,
				user_name: 'Li Na',
				join_time: '2019-12-20T02:13:18Z',
				leave_time: '2019-12-20T02:28:19Z',
			},
			{ id: '', user_id: '50343936', name: 'Wang Wei', join_time: '2019-12-20 10:28:11' },
		];
		try {
			const { output, error } = await run({
				operation: 'getAll',
				source: 'session',
				sessionUuid: 'hVew/yBeQamdZXVVQBvNhQ==',
			});
			expect(error).toBeUndefined();
			expect(output!.map((item) => item.json)).toEqual([
				expect.objectContaining({
					user_id: '50342912',
					join_time_iso: '2019-12-19T21:13:18-05:00',
					leave_time_iso: '2019-12-19T21:28:19-05:00',
					meeting_uuid: 'hVew/yBeQamdZXVVQBvNhQ==',
				}),
				expect.objectContaining({
					user_id: '50343936',
					user_name: 'Wang Wei',
					// 10:28:11 in Shanghai is 02:28:11 UTC.
					join_time_iso: '2019-12-19T21:28:11-05:00',
					leave_time_iso: null,
				}),
			]);
			expect(simulator.requests[0].form.uuid).toBe('hVew/yBeQamdZXVVQBvNhQ==');
		} finally {
			ENDPOINTS[path] = real;
		}
	});

	test('not paged: Limit only shortens the output; each input item gets its own session, paired to it', async () => {
		const { first, second } = await heldOccurrences();
		second.participants = attendees('crowd', second, 40);
		const { output, error } = await run(
			{ operation: 'getAll', source: 'session', sessionUuid: '={{ $json.uuid }}', limit: 3 },
			{ items: [{ uuid: first.uuid }, { uuid: second.uuid }] },
		);
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.form.uuid)).toEqual([first.uuid, second.uuid]);
		expect(output!.map((item) => [item.pairedItem, item.json.meeting_uuid])).toEqual([
			[{ item: 0 }, first.uuid],
			[{ item: 0 }, first.uuid],
			[{ item: 0 }, first.uuid],
			[{ item: 1 }, second.uuid],
			[{ item: 1 }, second.uuid],
			[{ item: 1 }, second.uuid],
		]);
		const all = await run({
			operation: 'getAll',
			source: 'session',
			sessionUuid: second.uuid,
			returnAll: true,
		});
		expect(simulator.requests).toHaveLength(1);
		expect(all.output).toHaveLength(40);
		expect(new Set(all.output!.map((item) => item.json.user_id)).size).toBe(40);
	});

	test('a session the service does not hold is refused: NodeApiError, or an error item with Continue On Fail', async () => {
		const booked = await meeting({}, false);
		const parameters = { operation: 'getAll', source: 'session', sessionUuid: recordUuid(booked.meeting_id) };
		const { error } = await run(parameters);
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting refused the request (share/participants): meeting not found');
		const { output } = await run(parameters, { continueOnFail: true, items: [{}, {}] });
		expect(output).toHaveLength(2);
		expect(output![1]).toMatchObject({ json: { error: error!.message }, pairedItem: { item: 1 } });
	});

	test.each([
		[{ sessionUuid: '={{ $json.missing }}' }, '"Session UUID" is required and cannot be empty'],
		[
			{ sessionUuid: '1770000001' },
			'"Session UUID" must be the uuid of a held session, not a meeting number (got "1770000001"); for a meeting number choose Attendees Of: Meeting',
		],
		[
			{ sessionUuid: '={{ { uuid: "x" } }}' },
			'"Session UUID" must be the uuid of one held session, such as the uuid of Get Meeting History (got {"uuid":"x"})',
		],
		[
			{ sessionUuid: 'two uuids,here==' },
			'"Session UUID" must be the uuid of one held session, such as the uuid of Get Meeting History (got "two uuids,here==")',
		],
		[{ sessionUuid: 'hVew/yBeQamdZXVVQBvNhQ==', limit: 0 }, '"Limit" must be at least 1 (got 0)'],
		[
			// A value the editor does not offer (the field takes no expressions), e.g. from edited workflow JSON.
			{ source: 'room', meetingId: byId('1770000001'), sessionUuid: 'hVew/yBeQamdZXVVQBvNhQ==' },
			'"Attendees Of" must be one of "meeting", "session" (got "room")',
		],
	])('bad input %# fails before anything is sent, naming field and item', async (parameters, problem) => {
		const { error } = await run(
			{ operation: 'getAll', source: 'session', ...parameters },
			{ items: [{}, {}] },
		);
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('chain: meeting history -> attendees of each held session', () => {
	test('the uuid of each history row is dragged into Get Many by session', async () => {
		const first = await meeting();
		const second = await meeting({ topic: 'Retro', start_time: '2026-12-02 15:00:00' });
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: WORKFLOW_ZONE,
			steps: [
				{
					name: 'History',
					parameters: {
						resource: 'report',
						operation: 'getMeetingHistory',
						startDate: '2026-11-30T00:00:00',
						endDate: '2026-12-03T00:00:00',
						returnAll: true,
					},
				},
				{
					name: 'Attendees',
					parameters: {
						resource: 'participant',
						operation: 'getAll',
						source: 'session',
						sessionUuid: '={{ $json.uuid }}',
						returnAll: true,
					},
				},
			],
		});
		expect(error).toBeUndefined();
		const sessions = [first, second].map((held) => stored(held.meeting_id).sessions![0]);
		expect(outputs.History!.map((item) => item.json.uuid)).toEqual(sessions.map((s) => s.uuid));
		expect(simulator.requestsTo('share/participants').map((r) => r.form.uuid)).toEqual(
			sessions.map((s) => s.uuid),
		);
		const attendees = outputs.Attendees!;
		expect(attendees).toHaveLength(sessions[0].participants.length + sessions[1].participants.length);
		for (const item of attendees) {
			const index = (item.pairedItem as { item: number }).item;
			expect(item.json.meeting_uuid).toBe(sessions[index].uuid);
			expect(sessions[index].participants.some((p) => ms(p.join) === ms(item.json.join_time_iso))).toBe(true);
		}
	});
});
