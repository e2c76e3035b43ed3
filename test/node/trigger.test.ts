import { DateTime } from 'luxon';

import { STATE_KEY } from '../../nodes/UMeeting/trigger/state';
import {
	bookThrough,
	callService,
	eventsOf,
	pollEvents,
	TriggerHarness,
	useSharedClock,
} from '../helpers/poll';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator({
	lifecycleFollowsClock: true,
	recordingReadyAfterMinutes: 10,
});

const ALL_EVENTS = [
	'meetingScheduled',
	'meetingStarted',
	'meetingEnded',
	'meetingCancelled',
	'recordingReady',
];

/** n8n's clock and the service's clock both move to this Shanghai wall time. */
const at = useSharedClock(simulator);

function trigger(parameters: Record<string, unknown> = {}, workflowTimeZone = 'America/New_York') {
	return new TriggerHarness({
		parameters: { events: ALL_EVENTS, ...parameters },
		credentials: credentials(),
		workflowTimeZone,
	});
}

const book = (fields: Record<string, string> = {}) =>
	bookThrough(
		simulator,
		{ topic: 'Weekly sync', meeting_capacity: '10', start_time: '2026-12-01 10:00:00', duration: '45' },
		fields,
	);

const poll = pollEvents;

describe('UMeeting Trigger: n8n conventions', () => {
	test('the first poll records the present and reports nothing; an unchanged service reports nothing', async () => {
		const scheduled = await book();
		const running = await book({ start_time: '2026-12-01 07:30:00' });
		const ended = await book({ start_time: '2026-12-01 06:30:00' });
		// Started more than 2 hours before the poll: it cannot come back into the history's head.
		const old = await book({ start_time: '2026-12-01 05:00:00' });
		const cancelled = await book({ start_time: '2026-12-02 10:00:00' });
		await callService(simulator, 'share/delete', { id: cancelled });
		at('2026-12-01 08:05:00');
		expect(simulator.store.get(running)!.status).toBe(1);
		expect(simulator.store.get(ended)!.status).toBe(3);
		expect(simulator.store.get(old)!.status).toBe(3);

		const harness = trigger();
		const first = await harness.poll();
		expect(first).toEqual({ items: undefined });
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
		const state = harness.saved[`node:UMeeting Trigger`] as Record<string, any>;
		expect(Object.keys(state[STATE_KEY].live).sort()).toEqual([running, scheduled].sort());
		expect(Object.keys(state[STATE_KEY].closed).sort()).toEqual([cancelled, ended].sort());

		at('2026-12-01 08:06:00');
		expect(await poll(harness)).toEqual([]);
		expect(await poll(harness)).toEqual([]);
	});

	test('schedule → start → end → recording over several polls: each event exactly once, also across a restart', async () => {
		const harness = trigger();
		expect(await poll(harness)).toEqual([]);

		const id = await book({ recording: 'cloud' });
		at('2026-12-01 08:01:00');
		expect(await poll(harness)).toEqual([`meetingScheduled ${id}`]);
		expect(await poll(harness)).toEqual([]);

		at('2026-12-01 10:00:30');
		expect(await poll(harness)).toEqual([`meetingStarted ${id}`]);
		at('2026-12-01 10:20:00');
		expect(await poll(harness)).toEqual([]);

		harness.restart();
		at('2026-12-01 10:46:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
		// The recording is processed for 10 minutes after the end.
		at('2026-12-01 10:50:00');
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 10:57:00');
		const ready = await harness.poll();
		expect(eventsOf(ready.items)).toEqual([`recordingReady ${id}`]);
		const recordings = ready.items![0].json.recordings as Array<Record<string, unknown>>;
		expect(recordings.map((file) => file.file_type)).toEqual(['MP4', 'M4A']);
		expect(recordings.every((file) => typeof file.download_url === 'string')).toBe(true);

		for (const time of ['2026-12-01 11:30:00', '2026-12-01 14:00:00', '2026-12-02 12:00:00']) {
			at(time);
			expect(await poll(harness)).toEqual([]);
			harness.restart();
			expect(await poll(harness)).toEqual([]);
		}
	});

	test('a restart from the saved copy reports what happened while n8n was down, and nothing twice', async () => {
		const harness = trigger();
		const first = await book({ start_time: '2026-12-01 08:30:00' });
		const second = await book({ start_time: '2026-12-01 09:00:00' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:31:00');
		expect(await poll(harness)).toEqual([`meetingStarted ${first}`]);
		// n8n stops; while it is down the first meeting ends and the second starts.
		at('2026-12-01 09:20:00');
		harness.restart();
		expect(await poll(harness)).toEqual([`meetingEnded ${first}`, `meetingStarted ${second}`]);
		harness.restart();
		expect(await poll(harness)).toEqual([]);
	});

	test('a poll that reports nothing is not saved by n8n: after a restart its changes are found again, reported once', async () => {
		const harness = trigger({ events: ['meetingEnded'] });
		const id = await book({ start_time: '2026-12-01 08:30:00' });
		expect(await poll(harness)).toEqual([]);
		// Started is not selected: this poll returns nothing, so n8n keeps its state in memory only.
		at('2026-12-01 08:31:00');
		expect(await poll(harness)).toEqual([]);
		harness.restart();
		at('2026-12-01 09:16:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
		harness.restart();
		expect(await poll(harness)).toEqual([]);
	});

	test('two meetings changing in the same poll: both reported, by start, in lifecycle order', async () => {
		const harness = trigger();
		const late = await book({ start_time: '2026-12-01 09:10:00' });
		const early = await book({ start_time: '2026-12-01 09:00:00', duration: '31' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:15:00');
		expect(await poll(harness)).toEqual([`meetingStarted ${early}`, `meetingStarted ${late}`]);
		at('2026-12-01 10:00:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${early}`, `meetingEnded ${late}`]);
	});

	test('a meeting that starts and ends between two polls gives Meeting Started (inferred), then Meeting Ended', async () => {
		const harness = trigger();
		const id = await book({ start_time: '2026-12-01 09:00:00' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 10:00:00');
		const outcome = await harness.poll();
		expect(eventsOf(outcome.items)).toEqual([`meetingStarted ${id}`, `meetingEnded ${id}`]);
		expect(outcome.items!.map(({ json }) => json.inferred)).toEqual([true, undefined]);
		expect(await poll(harness)).toEqual([]);
	});

	test('meetings booked and closed between two polls: the whole lifecycle, inferred steps marked', async () => {
		const harness = trigger();
		expect(await poll(harness)).toEqual([]);
		const held = await book({ start_time: '2026-12-01 08:10:00' });
		const dropped = await book({ start_time: '2026-12-03 10:00:00' });
		await callService(simulator, 'share/delete', { id: dropped });
		const instant = String(
			(
				await callService(simulator, 'share/instant', {
					topic: 'Quick call',
					meeting_capacity: '10',
					duration: '40',
				})
			).meeting_id,
		);
		at('2026-12-01 09:00:00');
		const outcome = await harness.poll();
		expect(eventsOf(outcome.items)).toEqual([
			`meetingStarted ${instant}`,
			`meetingEnded ${instant}`,
			`meetingScheduled ${held}`,
			`meetingStarted ${held}`,
			`meetingEnded ${held}`,
			`meetingScheduled ${dropped}`,
			`meetingCancelled ${dropped}`,
		]);
		expect(outcome.items!.map(({ json }) => json.inferred ?? false)).toEqual([
			true,
			false,
			true,
			true,
			false,
			true,
			false,
		]);
		expect(await poll(harness)).toEqual([]);
	});

	test('cancelled vs ended: a deleted meeting is Meeting Cancelled, an ended one Meeting Ended, and deleting it afterwards adds nothing', async () => {
		const harness = trigger();
		const cancelled = await book({ start_time: '2026-12-01 11:00:00' });
		const ended = await book({ start_time: '2026-12-01 08:20:00' });
		const endedEarly = await book({ start_time: '2026-12-01 08:30:00' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:40:00');
		await callService(simulator, 'share/delete', { id: cancelled });
		await callService(simulator, 'share/end', { id: endedEarly });
		expect(await poll(harness)).toEqual([
			`meetingStarted ${ended}`,
			`meetingStarted ${endedEarly}`,
			`meetingEnded ${endedEarly}`,
			`meetingCancelled ${cancelled}`,
		]);
		at('2026-12-01 09:10:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${ended}`]);
		await callService(simulator, 'share/delete', { id: ended });
		expect(simulator.store.get(ended)).toMatchObject({ status: 3, deleted: true });
		expect(await poll(harness)).toEqual([]);
	});

	test('only the selected events are output', async () => {
		const harness = trigger({ events: ['meetingCancelled', 'meetingStarted'] });
		const cancelled = await book({ start_time: '2026-12-01 11:00:00' });
		const held = await book({ start_time: '2026-12-01 08:30:00' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:30:00');
		await callService(simulator, 'share/delete', { id: cancelled });
		expect(await poll(harness)).toEqual([`meetingStarted ${held}`, `meetingCancelled ${cancelled}`]);
	});

	test('paging over 65 meetings: the live list is read whole (3 pages of 30) and every change reported once', async () => {
		const ids: string[] = [];
		for (let index = 0; index < 65; index++) {
			const minute = String(index % 60).padStart(2, '0');
			ids.push(
				await book({
					topic: `Meeting ${index}`,
					start_time: `2026-12-01 ${index < 60 ? '09' : '10'}:${minute}:00`,
					duration: '120',
				}),
			);
		}
		const harness = trigger();
		simulator.requests.length = 0;
		expect(await poll(harness)).toEqual([]);
		expect(simulator.requestsTo('share/list').map((r) => r.form.page_number)).toEqual(['1', '2', '3']);
		expect(simulator.requestsTo('share/list').every((r) => r.form.page_size === '30')).toBe(true);

		at('2026-12-01 10:30:00');
		simulator.requests.length = 0;
		const started = await poll(harness);
		expect(started).toHaveLength(65);
		expect(new Set(started)).toEqual(new Set(ids.map((id) => `meetingStarted ${id}`)));
		expect(simulator.requestsTo('share/list')).toHaveLength(3);
		expect(simulator.requestsTo('share/history')).toHaveLength(1);
		expect(simulator.requestsTo('share/get')).toHaveLength(0);

		at('2026-12-01 12:30:00');
		const ended = await poll(harness);
		expect(ended).toHaveLength(65);
		expect(new Set(ended)).toEqual(new Set(ids.map((id) => `meetingEnded ${id}`)));
		expect(await poll(harness)).toEqual([]);
	});

	test('User Key: only meetings booked with it; changing it starts afresh', async () => {
		const harness = trigger({ userKey: 'sales' });
		const other = await book({ user_key: 'support', start_time: '2026-12-01 08:30:00' });
		const mine = await book({ user_key: 'sales', start_time: '2026-12-01 08:30:00' });
		expect(await poll(harness)).toEqual([]);
		expect(simulator.requestsTo('share/list').every((r) => r.form.user_key === 'sales')).toBe(true);
		expect(simulator.requestsTo('share/history').every((r) => r.form.user_key === 'sales')).toBe(true);
		at('2026-12-01 08:31:00');
		expect(await poll(harness)).toEqual([`meetingStarted ${mine}`]);

		harness.setParameters({ userKey: 'support' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:20:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${other}`]);
	});

	test('times: workflow zone America/New_York, service zone Asia/Shanghai; ISO fields are the stored instants', async () => {
		const harness = trigger({}, 'America/New_York');
		expect(await poll(harness)).toEqual([]);
		const id = await book({ start_time: '2026-12-01 10:00:00', duration: '45' });
		const outcome = await harness.poll();
		const json = outcome.items![0].json;
		const stored = simulator.store.get(id)!;
		expect(json.start_time).toBe('2026-12-01 10:00:00');
		expect(json.start_time_iso).toBe('2026-11-30T21:00:00-05:00');
		expect(DateTime.fromISO(json.start_time_iso as string).toMillis()).toBe(
			DateTime.fromISO(stored.start_instant).toMillis(),
		);
		expect(DateTime.fromISO(json.end_time_iso as string).toMillis()).toBe(
			DateTime.fromISO(stored.start_instant).plus({ minutes: 45 }).toMillis(),
		);
		expect(json.time_zone).toBe('America/New_York');

		const inBerlin = trigger({ timeZone: 'Europe/Berlin' }, 'America/New_York');
		await inBerlin.poll();
		at('2026-12-01 10:01:00');
		const berlin = await inBerlin.poll();
		expect(berlin.items![0].json).toMatchObject({
			event: 'meetingStarted',
			start_time_iso: '2026-12-01T03:00:00+01:00',
			time_zone: 'Europe/Berlin',
		});
	});

	test('host secrets: host_key left out by default, kept with Include Host Secrets', async () => {
		const plain = trigger();
		const withSecrets = trigger({ options: { includeHostSecrets: true } });
		await plain.poll();
		await withSecrets.poll();
		const id = await book();
		const [withoutKey] = (await plain.poll()).items!;
		const [withKey] = (await withSecrets.poll()).items!;
		expect(withoutKey.json).not.toHaveProperty('host_key');
		expect(JSON.stringify(withoutKey.json)).not.toContain(simulator.store.get(id)!.host_key);
		expect(withKey.json.host_key).toBe(simulator.store.get(id)!.host_key);
		expect(JSON.stringify(plain.saved)).not.toContain(simulator.store.get(id)!.host_key);
	});
});

describe('UMeeting Trigger: Recording Ready', () => {
	test('reported for a meeting with a cloud recording only; a meeting without one is watched until Recording Wait ends', async () => {
		const harness = trigger({ events: ['recordingReady'], options: { recordingWaitHours: 2 } });
		const recorded = await book({ start_time: '2026-12-01 08:10:00', recording: 'cloud' });
		const plain = await book({ start_time: '2026-12-01 08:10:00', recording: 'none' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:00:00');
		expect(await poll(harness)).toEqual([]);
		const state = () => (harness.staticData[STATE_KEY] as { recordings: Record<string, unknown> }).recordings;
		expect(Object.keys(state()).sort()).toEqual([plain, recorded].sort());

		at('2026-12-01 09:10:00');
		simulator.requests.length = 0;
		expect(await poll(harness)).toEqual([`recordingReady ${recorded}`]);
		expect(
			simulator
				.requestsTo('cloud/recording')
				.map((r) => r.form.meeting_id)
				.sort(),
		).toEqual([plain, recorded].sort());
		expect(simulator.requestsTo('cloud/recording')[0].form.start_time).toBe('2026-12-01 07:10:00');
		// Both stay watched until Recording Wait ends: a later part of a recording would be reported too.
		expect(Object.keys(state()).sort()).toEqual([plain, recorded].sort());

		// Looks get rarer: not every poll asks again.
		let looks = 0;
		for (let minute = 11; minute <= 59; minute++) {
			at(`2026-12-01 09:${minute}:00`);
			simulator.requests.length = 0;
			expect(await poll(harness)).toEqual([]);
			looks += simulator.requestsTo('cloud/recording').length;
		}
		expect(looks).toBeLessThanOrEqual(8);
		at('2026-12-01 11:01:00');
		expect(await poll(harness)).toEqual([]);
		expect(state()).toEqual({});
	});

	test('a meeting ended with share/end gets its Recording Ready too', async () => {
		const harness = trigger({ events: ['meetingEnded', 'recordingReady'] });
		const id = await book({ recording: 'cloud' });
		expect(await poll(harness)).toEqual([]);
		await callService(simulator, 'share/end', { id });
		expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
		at('2026-12-01 08:11:00');
		expect(await poll(harness)).toEqual([`recordingReady ${id}`]);
		at('2026-12-01 08:30:00');
		expect(await poll(harness)).toEqual([]);
	});

	test('a poll a minute after the last one looks at 20 recordings at most; the others follow with the next polls', async () => {
		const harness = trigger({ events: ['recordingReady'] });
		const ids: string[] = [];
		for (let index = 0; index < 30; index++)
			ids.push(await book({ start_time: '2026-12-01 08:10:00', duration: '40', recording: 'cloud' }));
		expect(await poll(harness)).toEqual([]);
		// The poll at 08:55 sees the 30 meetings ended; their files are processed until 09:05.
		const looks = async (time: string) => {
			at(time);
			simulator.requests.length = 0;
			const events = await poll(harness);
			return { events, looks: simulator.requestsTo('cloud/recording').length };
		};
		expect(await looks('2026-12-01 08:55:00')).toEqual({ events: [], looks: 30 });
		expect(await looks('2026-12-01 09:04:00')).toEqual({ events: [], looks: 30 });
		expect(await looks('2026-12-01 09:05:00')).toEqual({ events: [], looks: 0 });
		const first = await looks('2026-12-01 09:06:00');
		expect(first.looks).toBe(20);
		expect(first.events).toHaveLength(20);
		const second = await looks('2026-12-01 09:07:00');
		expect(second.looks).toBe(10);
		expect(new Set([...first.events, ...second.events])).toEqual(
			new Set(ids.map((id) => `recordingReady ${id}`)),
		);
		expect(await looks('2026-12-01 09:08:00')).toEqual({ events: [], looks: 0 });
	});
});

describe('UMeeting Trigger: manual run (Fetch Test Event)', () => {
	test('gives the most recent matching event as a sample and leaves the state alone', async () => {
		const ended = await book({ start_time: '2026-12-01 06:00:00' });
		const running = await book({ start_time: '2026-12-01 07:50:00' });
		await book({ start_time: '2026-12-01 12:00:00' });
		at('2026-12-01 08:00:00');
		const harness = trigger();
		const sample = await harness.manual();
		expect(sample.error).toBeUndefined();
		expect(eventsOf(sample.items)).toEqual([`meetingStarted ${running}`]);
		expect(sample.items![0].json).toMatchObject({
			topic: 'Weekly sync',
			time_zone: 'America/New_York',
			status_name: 'in progress',
		});
		expect(harness.staticData).toEqual({});

		const endedOnly = trigger({ events: ['meetingEnded'] });
		expect(eventsOf((await endedOnly.manual()).items)).toEqual([`meetingEnded ${ended}`]);

		const recorded = await book({ start_time: '2026-12-01 06:30:00', recording: 'cloud' });
		at('2026-12-01 07:30:00');
		at('2026-12-01 08:00:00');
		const recordingSample = await trigger({ events: ['recordingReady'] }).manual();
		expect(eventsOf(recordingSample.items)).toEqual([`recordingReady ${recorded}`]);
		expect(recordingSample.items![0].json.recordings).toHaveLength(2);
	});

	test('without a matching meeting: a clear "No meeting matches yet" error', async () => {
		await book({ user_key: 'support' });
		const harness = trigger({ events: ['meetingEnded', 'meetingCancelled'], userKey: 'sales' });
		const outcome = await harness.manual();
		expect(outcome.error?.message).toBe('No meeting matches yet');
		expect(outcome.error?.description).toContain('User Key "sales"');
		expect(outcome.error?.description).toContain('Meeting Ended, Meeting Cancelled');
		expect(harness.staticData).toEqual({});
	});
});
