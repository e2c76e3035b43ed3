import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

const WORKFLOW_ZONE = 'America/New_York';
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const ms = (iso: unknown) => DateTime.fromISO(iso as string, { setZone: true }).toMillis();

async function call(path: string, form: Record<string, string>) {
	const response = await fetch(`${simulator.url}/umeeting/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...form, api_key: simulator.apiKey, api_secret: simulator.apiSecret }),
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	const body = (await response.json()) as { status: number; data: any };
	expect(body.status).toBe(200);
	return body.data;
}

/** A meeting booked for 10:00-10:45 Shanghai on 1 December (21:00 the evening before in New York). */
async function meeting(fields: Record<string, string> = {}) {
	return (await call('share/schedule', {
		topic: 'Town hall',
		meeting_capacity: '50',
		start_time: '2026-12-01 10:00:00',
		duration: '45',
		recording: 'cloud',
		...fields,
	})) as { meeting_id: string; occurrences?: Array<{ uuid: string; start_time: string }> };
}

async function heldMeeting(fields: Record<string, string> = {}) {
	const booked = await meeting(fields);
	await call('share/end', { id: booked.meeting_id });
	return booked;
}

const sessionsOf = (id: string) => simulator.store.get(id)!.sessions!;

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
		parameters: { resource: 'recording', operation: 'getAll', ...parameters },
	});
}

describe('Recording: Get Many', () => {
	test('one item per file; the UTC times come out at the right instants in the item zone', async () => {
		const held = await heldMeeting();
		const { output, error } = await run({
			meetingId: byId(held.meeting_id),
			// The date picker's wall time, meant in the workflow zone: 10:00 in Shanghai.
			startTime: '2026-11-30T21:00:00',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => [r.path, r.form])).toEqual([
			[
				'/umeeting/cloud/recording',
				{
					meeting_id: held.meeting_id,
					start_time: '2026-12-01 10:00:00',
					api_key: simulator.apiKey,
					api_secret: simulator.apiSecret,
				},
			],
		]);
		const [session] = sessionsOf(held.meeting_id);
		expect(output).toHaveLength(2);
		output!.forEach((item, index) => {
			const file = session.recordings[index];
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toEqual({
				id: file.id,
				meeting_id: session.uuid,
				recording_start: expect.stringMatching(/Z$/),
				recording_end: expect.stringMatching(/Z$/),
				file_type: file.file_type,
				file_size: file.file_size,
				play_url: file.play_url,
				download_url: file.download_url,
				status: 'completed',
				recording_start_iso: expect.stringMatching(/^2026-11-30T21:0\d:\d\d-05:00$/),
				recording_end_iso: expect.stringMatching(/^2026-11-30T21:4\d:\d\d-05:00$/),
				time_zone: WORKFLOW_ZONE,
			});
			// Read as UTC, not as a service text: a misread would be eight hours off.
			expect(ms(item.json.recording_start_iso)).toBe(ms(file.start));
			expect(ms(item.json.recording_end_iso)).toBe(ms(file.end));
		});
	});

	test('the Time Zone field: input meant in it, output shown in it; an offset in the input wins', async () => {
		const held = await heldMeeting();
		const { output } = await run({
			meetingId: byId(held.meeting_id),
			startTime: '2026-12-01T07:30:00',
			timeZone: 'Asia/Kolkata',
		});
		expect(simulator.requests[0].form.start_time).toBe('2026-12-01 10:00:00');
		expect(output![0].json.recording_start_iso).toMatch(/^2026-12-01T07:3\d:\d\d\+05:30$/);
		expect(output![0].json.time_zone).toBe('Asia/Kolkata');

		await run({ meetingId: byId(held.meeting_id), startTime: '2026-12-01T01:59:00Z' });
		expect(simulator.requests[0].form.start_time).toBe('2026-12-01 09:59:00');
	});

	test('the start time filters: files that began earlier are left out', async () => {
		const held = await heldMeeting();
		const { output, error } = await run({
			meetingId: byId(held.meeting_id),
			startTime: '2026-11-30T21:10:00',
		});
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('by occurrence uuid only that session; by meeting number every ended occurrence; Limit', async () => {
		const series = await meeting({ recurrence_type: '1', end_times: '3' });
		const [first, second] = series.occurrences!;
		await call('share/end', { id: first.uuid });
		await call('share/end', { id: second.uuid });
		const all = await run({
			meetingId: byId(series.meeting_id),
			startTime: '2026-11-30T00:00:00',
			returnAll: true,
		});
		expect(all.output!.map((item) => item.json.meeting_id)).toEqual([
			first.uuid,
			first.uuid,
			second.uuid,
			second.uuid,
		]);

		const one = await run({
			meetingId: { __rl: true, mode: 'occurrence', value: second.uuid },
			startTime: '2026-11-30T00:00:00',
		});
		expect(simulator.requests[0].form.meeting_id).toBe(second.uuid);
		expect(one.output!.map((item) => item.json)).toEqual(all.output!.slice(2).map((item) => item.json));

		const limited = await run({
			meetingId: byId(series.meeting_id),
			startTime: '2026-11-30T00:00:00',
			limit: 3,
		});
		expect(limited.output).toHaveLength(3);
	});

	test('a meeting without cloud recording, or not yet ended, gives no items', async () => {
		const plain = await heldMeeting({ recording: 'none' });
		const pending = await meeting();
		for (const id of [plain.meeting_id, pending.meeting_id]) {
			const { output, error } = await run({ meetingId: byId(id), startTime: '2026-11-01T00:00:00' });
			expect(error).toBeUndefined();
			expect(output).toEqual([]);
		}
	});

	test('an unknown meeting is refused: NodeApiError, or an error item with Continue On Fail', async () => {
		const held = await heldMeeting();
		const parameters = { meetingId: byId('={{ $json.id }}'), startTime: '2026-11-30T00:00:00' };
		const { error } = await run(parameters, { items: [{ id: held.meeting_id }, { id: '1234567890' }] });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting refused the request (cloud/recording): meeting not found');

		const { output } = await run(parameters, {
			items: [{ id: held.meeting_id }, { id: '1234567890' }],
			continueOnFail: true,
		});
		expect(output!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
		expect(output![2].json.error).toBe(error!.message);
	});

	test.each([
		[{ startTime: '={{ "" }}' }, '"Start Time" is required'],
		[{ startTime: 'next tuesday' }, expect.stringContaining('"Start Time" must be a date and time')],
		[
			{ startTime: '2026-03-08T02:30:00' },
			expect.stringContaining('"Start Time" does not exist in America/New_York'),
		],
		[
			{ meetingId: byId('={{ "a b" }}') },
			expect.stringContaining('"Meeting" must be a meeting number (digits) or the uuid'),
		],
		[{ limit: '={{ "many" }}' }, '"Limit" must be a whole number (got "many")'],
		[{ timeZone: '={{ "Mars/Base" }}' }, expect.stringContaining('"Time Zone" must be an IANA time zone')],
	])('bad input %# fails before anything is sent', async (parameters, problem) => {
		const { error } = await run({
			meetingId: byId('1770000001'),
			startTime: '2026-11-30T00:00:00',
			...parameters,
		});
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message.replace('Invalid input in item 0: ', '')).toEqual(problem);
		expect(simulator.requests).toHaveLength(0);
	});
});
