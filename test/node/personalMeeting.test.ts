import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { runChain, runUMeeting, type RunResult } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import { PERSONAL_HOST_ID } from '../simulator/meetings';

/**
 * Personal Meeting (private/*) through n8n-core's WorkflowExecute against the simulator. The
 * workflow runs in New York, the service in Beijing, the machine in Chatham (npm test): a time read
 * in the wrong zone shows up as a wrong instant.
 */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

const ZONE = 'America/New_York';
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const keys = () => ({ api_key: simulator.apiKey, api_secret: simulator.apiSecret });

async function run(
	operation: string,
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	simulator.requests.length = 0;
	const organizer = parameters.attachInvitation ? { organizerEmail: 'host@example.com' } : {};
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		...options,
		parameters: { resource: 'personalMeeting', operation, ...organizer, ...parameters },
	});
}

function only(result: RunResult): INodeExecutionData {
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(1);
	expect(result.output![0].pairedItem).toEqual({ item: 0 });
	return result.output![0];
}

const paths = () => simulator.requests.map((r) => r.path.replace('/umeeting/', ''));

/** The instant of an ISO text of the output, in epoch milliseconds. */
const instant = (iso: unknown) => DateTime.fromISO(String(iso), { setZone: true }).toMillis();
const storedStart = (id: unknown) => Date.parse(simulator.store.personal.get(String(id))!.start_instant);
const MINUTE = 60_000;

const scheduleParameters = (extra: IDataObject = {}) => ({
	topic: 'Coaching',
	hostId: PERSONAL_HOST_ID,
	// 21:00 in New York is 10:00 the next morning in Beijing.
	startTime: '2026-12-01T21:00:00',
	duration: 50,
	...extra,
});

async function schedulePersonal(extra: IDataObject = {}): Promise<string> {
	return String(only(await run('schedule', scheduleParameters(extra))).json.meeting_id);
}

/** The .ics file of an output item, parsed. */
function invitationOf(item: INodeExecutionData) {
	const binary = item.binary?.invite;
	expect(binary).toBeDefined();
	const text = Buffer.from(binary!.data, 'base64').toString('utf8');
	const calendar = new ICAL.Component(ICAL.parse(text));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return { text, calendar, event, fileName: binary!.fileName };
}

/** The error as n8n-core keeps it (a plain object: its name says which class was thrown). */
function expectRefusal(result: RunResult, message: string) {
	expect(result.output).toBeUndefined();
	expect(result.error!.name).toBe('NodeApiError');
	expect(result.error!.message).toBe(message);
}

function expectBadInput(result: RunResult, message: string, itemIndex = 0) {
	expect(result.output).toBeUndefined();
	expect(result.error!.name).toBe('NodeOperationError');
	expect(result.error!.message).toBe(message);
	expect(result.error!.context?.itemIndex).toBe(itemIndex);
	expect(simulator.requests).toHaveLength(0);
}

/** The node's fields shown for one operation of this resource. */
function fieldsOf(operation: string): INodeProperties[] {
	return new UMeeting().description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return (
			(show?.resource as string[] | undefined)?.includes('personalMeeting') &&
			(show?.operation as string[] | undefined)?.includes(operation)
		);
	});
}

describe('the resource', () => {
	test('offers the six operations, sorted, each with an action', () => {
		const selector = new UMeeting().description.properties.find(
			(p) =>
				p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes('personalMeeting'),
		)!;
		expect(selector.options!.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'delete',
			'end',
			'get',
			'schedule',
			'createInstant',
			'update',
		]);
		expect(selector.options!.every((o) => 'action' in o && o.action)).toBe(true);
	});

	test('shares the Meeting fields, with Host ID in place of capacity and no recurrence or list', () => {
		const names = (operation: string) => fieldsOf(operation).map((p) => p.name);
		expect(names('schedule')).toEqual([
			'topic',
			'hostId',
			'startTime',
			'duration',
			'timeZone',
			'additionalFields',
			'attachInvitation',
			'invitationBinaryProperty',
			'organizerEmail',
			'includeHostSecrets',
			'includeHostSecrets',
		]);
		expect(names('createInstant')).toEqual([
			'topic',
			'hostId',
			'timeZone',
			'additionalFields',
			'includeHostSecrets',
			'includeHostSecrets',
		]);
		expect(names('delete')).toEqual([
			'meetingId',
			'attachInvitation',
			'invitationBinaryProperty',
			'organizerEmail',
		]);
		expect(names('end')).toEqual(['meetingId']);
		expect(names('update')).toEqual([
			'meetingId',
			'updateFields',
			'timeZone',
			'attachInvitation',
			'invitationBinaryProperty',
			'organizerEmail',
		]);
		const options = (operation: string, name: string) =>
			(fieldsOf(operation).find((p) => p.name === name)!.options as INodeProperties[]).map((o) => o.name);
		expect(options('schedule', 'additionalFields')).toEqual(['muteUponEntry', 'password', 'webinar']);
		expect(options('createInstant', 'additionalFields')).toEqual([
			'duration',
			'muteUponEntry',
			'password',
			'startTime',
			'webinar',
		]);
		expect(options('update', 'updateFields')).toEqual([
			'duration',
			'muteUponEntry',
			'password',
			'startTime',
			'topic',
		]);
		for (const operation of ['get', 'update', 'end', 'delete']) {
			const locator = fieldsOf(operation).find((p) => p.name === 'meetingId')!;
			// The personal list endpoint is deprecated: meetings are given by number, typed or dragged in.
			expect(locator.modes!.map((m) => m.name)).toEqual(['id']);
			expect(locator.default).toEqual({ mode: 'id', value: '' });
		}
	});
});

describe('Schedule', () => {
	test('sends the private form in the service zone and outputs the meeting with its ISO times', async () => {
		const item = only(
			await run(
				'schedule',
				scheduleParameters({
					additionalFields: { password: 'Pw-4821', muteUponEntry: true, webinar: false },
				}),
			),
		);
		expect(paths()).toEqual(['private/schedule']);
		expect(simulator.requests[0].form).toEqual({
			topic: 'Coaching',
			host_id: PERSONAL_HOST_ID,
			start_time: '2026-12-02 10:00:00',
			duration: '50',
			password: 'Pw-4821',
			mute_upon_entry: 'true',
			webinar: 'false',
			...keys(),
		});
		const stored = simulator.store.personal.get(String(item.json.meeting_id))!;
		expect(item.json).toEqual({
			meeting_id: stored.id,
			join_url: stored.join_url,
			host_id: PERSONAL_HOST_ID,
			ready_time: 15,
			host_key: stored.host_key,
			token: stored.token,
			start_url: stored.start_url,
			start_time_iso: '2026-12-01T21:00:00-05:00',
			end_time_iso: '2026-12-01T21:50:00-05:00',
			time_zone: ZONE,
		});
		expect(instant(item.json.start_time_iso)).toBe(storedStart(stored.id));
		expect(instant(item.json.end_time_iso)).toBe(storedStart(stored.id) + 50 * MINUTE);
	});

	test('one meeting per item, the host ID dragged in from the input, each paired with its item', async () => {
		const { output, error } = await run(
			'schedule',
			scheduleParameters({ topic: '={{ $json.topic }}', hostId: '={{ $json.host }}' }),
			{
				items: [
					{ topic: 'First', host: PERSONAL_HOST_ID },
					{ topic: 'Second', host: PERSONAL_HOST_ID },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(
			output!.map((o) => [o.pairedItem, simulator.store.personal.get(String(o.json.meeting_id))!.topic]),
		).toEqual([
			[{ item: 0 }, 'First'],
			[{ item: 1 }, 'Second'],
		]);
	});

	test('Attach Invitation gives the .ics of the meeting booked, in the service zone', async () => {
		const item = only(await run('schedule', scheduleParameters({ attachInvitation: true })));
		const { event, fileName, text } = invitationOf(item);
		expect(fileName).toBe(`meeting-${item.json.meeting_id}.ics`);
		expect(event.uid).toBe(`${item.json.meeting_id}@umeeting`);
		expect(event.startDate.toUnixTime() * 1000).toBe(storedStart(item.json.meeting_id));
		expect(event.endDate.toUnixTime() * 1000).toBe(storedStart(item.json.meeting_id) + 50 * MINUTE);
		expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261202T100000');
		expect(text).not.toContain(String(item.json.token));
	});

	test('Include Host Secrets off leaves start_url, token and host_key out', async () => {
		const item = only(await run('schedule', scheduleParameters({ includeHostSecrets: false })));
		expect(item.json).not.toHaveProperty('start_url');
		expect(item.json).not.toHaveProperty('token');
		expect(item.json).not.toHaveProperty('host_key');
		expect(item.json.host_id).toBe(PERSONAL_HOST_ID);
	});

	test('a bad Host ID in any item fails the run before anything is sent, naming field and item', async () => {
		const result = await run('schedule', scheduleParameters({ hostId: '={{ $json.host }}' }), {
			items: [{ host: PERSONAL_HOST_ID }, { host: 'not a host id' }],
		});
		expectBadInput(
			result,
			'Invalid input in item 1: "Host ID" must be the hostId of a personal account: letters, digits, "-" and "_", at most 64 (got "not a host id")',
			1,
		);
		expect(simulator.store.created).toBe(0);
	});

	test.each([
		[{ hostId: '={{ "" }}' }, '"Host ID" is required and cannot be empty'],
		[{ duration: 30 }, '"Duration (Minutes)" must be greater than 30 (got 30)'],
		[{ startTime: 'next week' }, '"Start Time" '],
		[
			{ additionalFields: { webinar: '={{ "maybe" }}' } },
			'"Additional Fields › Webinar" must be true or false (got "maybe")',
		],
	])('bad input %j is refused before sending', async (extra, message) => {
		const result = await run('schedule', scheduleParameters(extra));
		expect(result.error!.message.startsWith(`Invalid input in item 0: ${message}`)).toBe(true);
		expectBadInput(result, result.error!.message);
	});

	test('a refusal by the service is a NodeApiError; with Continue On Fail an error item', async () => {
		const unknown = scheduleParameters({ hostId: '={{ $json.host }}' });
		expectRefusal(
			await run('schedule', unknown, { items: [{ host: 'unlinked-account' }] }),
			'UMeeting refused the request (private/schedule): personal account not found',
		);
		const { output, error } = await run('schedule', unknown, {
			continueOnFail: true,
			items: [{ host: 'unlinked-account' }, { host: PERSONAL_HOST_ID }],
		});
		expect(error).toBeUndefined();
		expect(output![0]).toMatchObject({
			json: { error: 'UMeeting refused the request (private/schedule): personal account not found' },
			pairedItem: { item: 0 },
		});
		expect(output![1]).toMatchObject({ json: { host_id: PERSONAL_HOST_ID }, pairedItem: { item: 1 } });
		expect(simulator.store.personal.size).toBe(1);
	});
});

describe('Start Instant Meeting', () => {
	test('sends topic and host only by default; the meeting is in progress', async () => {
		const item = only(await run('createInstant', { topic: 'Quick call', hostId: PERSONAL_HOST_ID }));
		expect(paths()).toEqual(['private/instant']);
		expect(simulator.requests[0].form).toEqual({ topic: 'Quick call', host_id: PERSONAL_HOST_ID, ...keys() });
		const stored = simulator.store.personal.get(String(item.json.meeting_id))!;
		expect(stored).toMatchObject({ status: 1, type: '1' });
		// The answer has no start time, and the node sent none: no ISO time to give.
		expect(item.json).toEqual({
			meeting_id: stored.id,
			join_url: stored.join_url,
			host_id: PERSONAL_HOST_ID,
			host_key: stored.host_key,
			token: stored.token,
			start_url: stored.start_url,
			time_zone: ZONE,
		});
	});

	test('a Start Time (in the Time Zone) and a short duration are sent and shown as ISO times', async () => {
		const item = only(
			await run('createInstant', {
				topic: 'Quick call',
				hostId: PERSONAL_HOST_ID,
				timeZone: 'Europe/Berlin',
				additionalFields: { startTime: '2026-11-30T01:30:00', duration: 15, muteUponEntry: false },
			}),
		);
		expect(simulator.requests[0].form).toEqual({
			topic: 'Quick call',
			host_id: PERSONAL_HOST_ID,
			duration: '15',
			mute_upon_entry: 'false',
			start_time: '2026-11-30 08:30:00',
			...keys(),
		});
		expect(item.json).toMatchObject({
			start_time_iso: '2026-11-30T01:30:00+01:00',
			end_time_iso: '2026-11-30T01:45:00+01:00',
			time_zone: 'Europe/Berlin',
		});
		expect(instant(item.json.start_time_iso)).toBe(storedStart(item.json.meeting_id));
	});

	test.each([
		[{ duration: 0 }, '"Additional Fields › Duration (Minutes)" must be between 1 and 1440 (got 0)'],
		[{ startTime: 'soon' }, '"Additional Fields › Start Time" '],
	])('bad input %j is refused before sending', async (additionalFields, message) => {
		const result = await run('createInstant', { topic: 'x', hostId: PERSONAL_HOST_ID, additionalFields });
		expect(result.error!.message.startsWith(`Invalid input in item 0: ${message}`)).toBe(true);
		expectBadInput(result, result.error!.message);
	});

	test('a refusal by the service is a NodeApiError; with Continue On Fail an error item', async () => {
		simulator.injectFault(
			{ type: 'bodyStatus', status: 4003, message: 'personal account busy' },
			{ path: '/umeeting/private/instant' },
		);
		const parameters = { topic: 'x', hostId: PERSONAL_HOST_ID };
		expectRefusal(
			await run('createInstant', parameters),
			'UMeeting refused the request (private/instant): personal account busy',
		);
		simulator.injectFault(
			{ type: 'bodyStatus', status: 4003, message: 'personal account busy' },
			{ path: '/umeeting/private/instant' },
		);
		const { output } = await run('createInstant', parameters, { continueOnFail: true, items: [{}, {}] });
		expect(output!.map((o) => [o.pairedItem, o.json.error ?? 'ok'])).toEqual([
			[{ item: 0 }, 'UMeeting refused the request (private/instant): personal account busy'],
			[{ item: 1 }, 'ok'],
		]);
	});
});

describe('Get', () => {
	test('reads private/get; numbers normalised, state named, ISO times in the Time Zone', async () => {
		const id = await schedulePersonal({ additionalFields: { password: '2468' } });
		const item = only(await run('get', { meetingId: byId(id) }));
		expect(paths()).toEqual(['private/get']);
		expect(simulator.requests[0].form).toEqual({ meeting_id: id, ...keys() });
		expect(item.json).toEqual({
			meeting_id: id,
			id,
			topic: 'Coaching',
			start_time: '2026-12-02 10:00:00',
			start_time_iso: '2026-12-01T21:00:00-05:00',
			end_time_iso: '2026-12-01T21:50:00-05:00',
			duration: 50,
			del_flag: '0',
			password: '2468',
			join_url: simulator.store.personal.get(id)!.join_url,
			status: 0,
			status_name: 'scheduled',
			time_zone: ZONE,
		});
		expect(instant(item.json.start_time_iso)).toBe(storedStart(id));
	});

	test('chains by drag-and-drop: Schedule -> Get (with .ics) by the meeting_id of the item before', async () => {
		const { outputs, errors } = await runChain({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			items: [{}, {}],
			steps: [
				{
					name: 'Schedule',
					parameters: { resource: 'personalMeeting', operation: 'schedule', ...scheduleParameters() },
				},
				{
					name: 'Get',
					parameters: {
						resource: 'personalMeeting',
						operation: 'get',
						meetingId: { __rl: true, mode: 'id', value: '={{ $json.meeting_id }}' },
						attachInvitation: true,
						organizerEmail: 'host@example.com',
					},
				},
			],
		});
		expect(errors.Get).toBeUndefined();
		const scheduled = outputs.Schedule!.map((o) => o.json.meeting_id);
		expect(outputs.Get!.map((o) => [o.json.id, o.pairedItem])).toEqual([
			[scheduled[0], { item: 0 }],
			[scheduled[1], { item: 1 }],
		]);
		const { event } = invitationOf(outputs.Get![1]);
		expect(event.uid).toBe(`${scheduled[1]}@umeeting`);
		expect(event.startDate.toUnixTime() * 1000).toBe(storedStart(scheduled[1]));
	});

	test('a public-room meeting is not a personal one: the service answers not found', async () => {
		const { output } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			parameters: {
				resource: 'meeting',
				operation: 'schedule',
				topic: 'Room',
				meetingCapacity: 5,
				startTime: '2026-12-01T21:00:00',
				duration: 45,
			},
		});
		const roomId = String(output![0].json.meeting_id);
		expectRefusal(
			await run('get', { meetingId: byId(roomId) }),
			'UMeeting refused the request (private/get): meeting not found',
		);
		// And the other way round: the Meeting resource does not find a personal meeting.
		const personalId = await schedulePersonal();
		const publicGet = await runUMeeting({
			credentials: credentials(),
			parameters: { resource: 'meeting', operation: 'get', meetingId: byId(personalId) },
		});
		expect(publicGet.error!.message).toBe('UMeeting refused the request (share/get): meeting not found');
	});

	test('with Continue On Fail an unknown meeting is an error item and the others are read', async () => {
		const id = await schedulePersonal();
		const { output } = await run(
			'get',
			{ meetingId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ id: '1234567890' }, { id }] },
		);
		expect(output!.map((o) => [o.pairedItem, o.json.error ?? o.json.id])).toEqual([
			[{ item: 0 }, 'UMeeting refused the request (private/get): meeting not found'],
			[{ item: 1 }, id],
		]);
	});

	test('a meeting ID that is not a number is refused before sending', async () => {
		expectBadInput(
			await run('get', { meetingId: byId('={{ "abc-123" }}') }),
			'Invalid input in item 0: "Meeting" must be a meeting number, digits only (got "abc-123")',
		);
	});
});

describe('Update', () => {
	test('the topic, start and duration the service requires are read first when left out', async () => {
		const id = await schedulePersonal();
		const item = only(await run('update', { meetingId: byId(id), updateFields: { muteUponEntry: true } }));
		expect(paths()).toEqual(['private/get', 'private/update']);
		expect(simulator.requests[1].form).toEqual({
			id,
			topic: 'Coaching',
			start_time: '2026-12-02 10:00:00',
			duration: '50',
			mute_upon_entry: 'true',
			...keys(),
		});
		expect(item.json).toMatchObject({
			success: true,
			meeting_id: id,
			topic: 'Coaching',
			start_time_iso: '2026-12-01T21:00:00-05:00',
			end_time_iso: '2026-12-01T21:50:00-05:00',
			time_zone: ZONE,
		});
		expect(simulator.store.personal.get(id)!.flags.mute_upon_entry).toBe(true);
	});

	test('with topic, start and duration given: one request, the new start in the chosen zone', async () => {
		const id = await schedulePersonal();
		const item = only(
			await run('update', {
				meetingId: byId(id),
				timeZone: 'UTC',
				updateFields: {
					topic: 'Coaching (moved)',
					startTime: '2026-12-03T06:30:00',
					duration: 40,
					password: 'new-pass',
				},
			}),
		);
		expect(paths()).toEqual(['private/update']);
		expect(simulator.requests[0].form).toEqual({
			id,
			topic: 'Coaching (moved)',
			start_time: '2026-12-03 14:30:00',
			duration: '40',
			password: 'new-pass',
			...keys(),
		});
		// The password is the meeting's: it is not passed on in the output.
		expect(item.json).not.toHaveProperty('password');
		expect(instant(item.json.start_time_iso)).toBe(storedStart(id));
		expect(simulator.store.personal.get(id)).toMatchObject({ topic: 'Coaching (moved)', duration: 40 });
	});

	test('a start time alone still reads the topic the service requires', async () => {
		const id = await schedulePersonal();
		await run('update', {
			meetingId: byId(id),
			updateFields: { startTime: '2026-12-04T08:00:00', duration: 60 },
		});
		expect(paths()).toEqual(['private/get', 'private/update']);
		expect(simulator.requests[1].form).toMatchObject({
			topic: 'Coaching',
			start_time: '2026-12-04 21:00:00',
		});
	});

	test('Attach Invitation reads the meeting after the change and writes its file', async () => {
		const id = await schedulePersonal();
		const item = only(
			await run('update', {
				meetingId: byId(id),
				updateFields: { topic: 'New topic', startTime: '2026-12-05T09:00:00', duration: 45 },
				attachInvitation: true,
			}),
		);
		expect(paths()).toEqual(['private/update', 'private/get']);
		const { event } = invitationOf(item);
		expect(event.summary).toBe('New topic');
		expect(event.startDate.toUnixTime() * 1000).toBe(storedStart(id));
	});

	test.each([
		[{ duration: 20 }, '"Update Fields › Duration (Minutes)" must be greater than 30 (got 20)'],
		[{ topic: '' }, '"Update Fields › Topic" is required and cannot be empty'],
		[{ startTime: 'tomorrow-ish' }, '"Update Fields › Start Time" '],
	])('bad input %j is refused before anything is read or sent', async (updateFields, message) => {
		const id = await schedulePersonal();
		const result = await run('update', { meetingId: byId(id), updateFields });
		expect(result.error!.message.startsWith(`Invalid input in item 0: ${message}`)).toBe(true);
		expectBadInput(result, result.error!.message);
	});

	test('the service refuses to change an ended meeting: NodeApiError, or an error item', async () => {
		const id = await schedulePersonal();
		await run('end', { meetingId: byId(id) });
		const parameters = {
			meetingId: byId(id),
			updateFields: { topic: 'x', startTime: '2026-12-05T09:00:00', duration: 45 },
		};
		const message =
			'UMeeting refused the request (private/update): only a scheduled meeting can be updated: this one has ended';
		expectRefusal(await run('update', parameters), message);
		const { output } = await run('update', parameters, { continueOnFail: true });
		expect(output).toEqual([{ json: expect.objectContaining({ error: message }), pairedItem: { item: 0 } }]);
	});
});

describe('End', () => {
	test('sends the meeting number and reports it ended', async () => {
		const id = await schedulePersonal();
		const item = only(await run('end', { meetingId: byId(id) }));
		expect(paths()).toEqual(['private/end']);
		expect(simulator.requests[0].form).toEqual({ id, ...keys() });
		expect(item.json).toEqual({ success: true, meeting_id: id, ended: true });
		expect(simulator.store.personal.get(id)!.status).toBe(3);
	});

	test('an occurrence uuid is refused: personal meetings have no series', async () => {
		expectBadInput(
			await run('end', { meetingId: { __rl: true, mode: 'occurrence', value: '2d3l1sotx4rky8vcipkrku==' } }),
			'Invalid input in item 0: "Meeting" must be a meeting number, digits only (got "2d3l1sotx4rky8vcipkrku==")',
		);
	});

	test('ending twice: the service refuses, the meeting reads as ended, so the item says so plainly', async () => {
		const id = await schedulePersonal();
		await run('end', { meetingId: byId(id) });
		const { output, error } = await run('end', { meetingId: byId(id) });
		expect(error).toBeUndefined();
		expect(output).toEqual([
			{ json: { success: true, meeting_id: id, ended: true, already_ended: true }, pairedItem: { item: 0 } },
		]);
	});
});

describe('Delete', () => {
	test('Attach Cancellation (.ics): reads the meeting, deletes it, gives METHOD:CANCEL with its UID and start', async () => {
		const id = await schedulePersonal();
		const item = only(await run('delete', { meetingId: byId(id), attachInvitation: true }));
		expect(paths()).toEqual(['private/get', 'private/delete']);
		const { text, event, fileName } = invitationOf(item);
		expect(fileName).toBe(`meeting-${id}.ics`);
		expect(text).toContain('METHOD:CANCEL');
		expect(text).toContain('STATUS:CANCELLED');
		expect(event.uid).toBe(`${id}@umeeting`);
		expect(event.startDate.toJSDate().getTime()).toBe(storedStart(id));
	});

	test('cancels the meeting with one request and reports it deleted', async () => {
		const id = await schedulePersonal();
		const item = only(await run('delete', { meetingId: byId(id) }));
		expect(paths()).toEqual(['private/delete']);
		expect(simulator.requests[0].form).toEqual({ id, ...keys() });
		expect(item.json).toEqual({ success: true, meeting_id: id, deleted: true });
		expect(simulator.store.personal.get(id)).toMatchObject({ status: 2, deleted: true });
	});

	test('a meeting that does not exist: NodeApiError; with Continue On Fail the other items go on', async () => {
		const id = await schedulePersonal();
		const message = 'UMeeting refused the request (private/delete): meeting not found';
		expectRefusal(await run('delete', { meetingId: byId('1234567890') }), message);
		const { output } = await run(
			'delete',
			{ meetingId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ id: '1234567890' }, { id }] },
		);
		expect(output!.map((o) => [o.pairedItem, o.json.error ?? o.json.deleted])).toEqual([
			[{ item: 0 }, message],
			[{ item: 1 }, true],
		]);
	});

	test('a bad meeting number in any item: nothing is deleted', async () => {
		const id = await schedulePersonal();
		expectBadInput(
			await run('delete', { meetingId: byId('={{ $json.id }}') }, { items: [{ id }, { id: '12ab' }] }),
			'Invalid input in item 1: "Meeting" must be a meeting number, digits only (got "12ab")',
			1,
		);
		expect(simulator.store.personal.get(id)!.status).toBe(0);
	});
});
