import { FAILURES_BEFORE_REPORTING } from '../../nodes/UMeeting/trigger/poll';
import { DEPARTED_GIVE_UP_MS } from '../../nodes/UMeeting/trigger/observe';
import { STATE_KEY } from '../../nodes/UMeeting/trigger/state';
import { schedule } from '../simulator/endpoints/schedule';
import { callService, eventsOf, TriggerHarness, useSharedClock } from '../helpers/poll';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator({ lifecycleFollowsClock: true });

/** n8n's clock and the service's clock both move to this Shanghai wall time. */
const at = useSharedClock(simulator);

function trigger(parameters: Record<string, unknown> = {}, secret = simulator.apiSecret) {
	return new TriggerHarness({
		parameters: {
			events: ['meetingScheduled', 'meetingStarted', 'meetingEnded', 'meetingCancelled', 'recordingReady'],
			...parameters,
		},
		credentials: { ...credentials(), apiSecret: secret },
		workflowTimeZone: 'Asia/Shanghai',
	});
}

async function book(fields: Record<string, string> = {}): Promise<string> {
	const data = await callService(simulator, 'share/schedule', {
		topic: 'Standup',
		meeting_capacity: '10',
		start_time: '2026-12-01 08:30:00',
		duration: '45',
		...fields,
	});
	return String(data.meeting_id);
}

const stateOf = (harness: TriggerHarness) => JSON.stringify(harness.staticData[STATE_KEY]);

describe('UMeeting Trigger: failed polls', () => {
	test.each([
		['the live list answers HTTP 500', { type: 'http', status: 500 } as const, '/umeeting/share/list', 0],
		[
			'the history answers HTTP 500 after the live list was read',
			{ type: 'http', status: 500 } as const,
			'/umeeting/share/history',
			0,
		],
		['the second page of the live list is not JSON', { type: 'html' } as const, '/umeeting/share/list', 1],
	])(
		'%s: the poll reports nothing, keeps its state, and the next poll reports everything once',
		async (_, fault, path, skip) => {
			const harness = trigger();
			const ids: string[] = [];
			for (let index = 0; index < 31; index++)
				ids.push(await book({ topic: `Standup ${index}`, recording: 'cloud' }));
			// Still to come at the failing poll: the live list has two pages then.
			for (let index = 0; index < 31; index++)
				await book({ topic: `Review ${index}`, start_time: '2026-12-01 12:00:00' });
			expect((await harness.poll()).items).toBeUndefined();
			at('2026-12-01 09:20:00');
			const before = stateOf(harness);

			simulator.injectFault(fault, { path, skip });
			const failed = await harness.poll();
			expect(failed).toEqual({ items: undefined });
			expect(stateOf(harness)).toBe(before);
			const warning = harness.logs.find((line) => line.level === 'warn');
			expect(warning?.message).toMatch(/poll failed \(1 in a row\), nothing reported/);
			expect(JSON.stringify(harness.logs)).not.toContain(simulator.apiSecret);

			const good = await harness.poll();
			expect(good.error).toBeUndefined();
			const events = eventsOf(good.items);
			expect(events).toHaveLength(31 * 3);
			for (const id of ids) {
				expect(events.filter((event) => event.endsWith(` ${id}`))).toEqual([
					`meetingStarted ${id}`,
					`meetingEnded ${id}`,
					`recordingReady ${id}`,
				]);
			}
			expect(eventsOf((await harness.poll()).items)).toEqual([]);
			expect(harness.staticData.failedPolls).toBeUndefined();
		},
	);

	test(`failures that persist are thrown to n8n from the ${FAILURES_BEFORE_REPORTING}rd poll in a row on; a good poll resets the count`, async () => {
		const harness = trigger();
		const id = await book();
		expect((await harness.poll()).error).toBeUndefined();
		at('2026-12-01 08:31:00');
		simulator.injectFault({ type: 'http', status: 503 }, { path: '/umeeting/share/list', times: 4 });
		expect(await harness.poll()).toEqual({ items: undefined });
		expect(await harness.poll()).toEqual({ items: undefined });
		const third = await harness.poll();
		expect(third.error?.message).toMatch(/UMeeting answered HTTP 503 \(share\/list\)/);
		expect(third.error?.constructor.name).toBe('NodeApiError');
		expect((await harness.poll()).error).toBeDefined();
		expect(harness.staticData.failedPolls).toBe(4);
		expect(eventsOf((await harness.poll()).items)).toEqual([`meetingStarted ${id}`]);
		expect(harness.staticData.failedPolls).toBeUndefined();
	});

	test('an error on the first poll fails the activation with its reason and saves no state', async () => {
		const harness = trigger({}, 'not-the-secret');
		const outcome = await harness.poll();
		expect(outcome.error?.message).toBe(
			'UMeeting refused the request (share/list): invalid api_key or api_secret',
		);
		expect(outcome.error?.message).not.toContain('not-the-secret');
		expect(harness.saved).toEqual({});
	});

	test('invalid settings fail every poll before anything is sent', async () => {
		simulator.requests.length = 0;
		const outcome = await trigger({ events: [] }).poll();
		expect(outcome.error?.message).toBe('Invalid trigger setting: "Events" needs at least one event');
		const badKey = await trigger({ userKey: 'x'.repeat(201) }).manual();
		expect(badKey.error?.message).toMatch(/^Invalid trigger setting: "User Key" must be at most 200 bytes/);
		expect(simulator.requests).toHaveLength(0);
	});
	test('a poll that starts while the one before is still running stands back: nothing twice', async () => {
		const harness = trigger();
		const id = await book();
		expect((await harness.poll()).error).toBeUndefined();
		at('2026-12-01 08:31:00');
		simulator.injectFault(
			{ type: 'slow', delayMs: 300 },
			{ path: '/umeeting/share/list', afterProcessing: true },
		);
		const [slow, overlapping] = await Promise.all([harness.poll(), harness.poll()]);
		expect(eventsOf(slow.items)).toEqual([`meetingStarted ${id}`]);
		expect(overlapping).toEqual({ items: undefined });
		expect(harness.logs.some((line) => /previous poll is still running/.test(line.message))).toBe(true);
		expect(harness.staticData.pollingSince).toBeUndefined();
		expect(eventsOf((await harness.poll()).items)).toEqual([]);
	});
});

describe('UMeeting Trigger: meetings that leave the live list unseen in the history', () => {
	test('one UMeeting no longer knows (share/get refuses it) is kept and looked at again, less often, and given up after 7 days with a warning', async () => {
		const harness = trigger();
		const gone = await book({ start_time: '2026-12-02 10:00:00' });
		expect((await harness.poll()).error).toBeUndefined();
		(simulator.store as unknown as { meetings: Map<string, unknown> }).meetings.delete(gone);
		simulator.requests.length = 0;
		expect(eventsOf((await harness.poll()).items)).toEqual([]);
		expect(simulator.requestsTo('share/get').map((r) => r.form.meeting_id)).toEqual([gone]);
		expect(JSON.stringify(harness.staticData)).toContain(gone);
		expect(harness.logs.map((line) => line.message).join('\n')).toMatch(
			new RegExp(`look-up\\(s\\) of meetings that left the live list failed.*${gone}: UMeeting refused`),
		);
		// Looked at again after 1 minute, then 2, 4, ...
		at('2026-12-01 08:00:30');
		await harness.poll();
		expect(simulator.requestsTo('share/get')).toHaveLength(1);
		at('2026-12-01 08:01:00');
		await harness.poll();
		expect(simulator.requestsTo('share/get')).toHaveLength(2);
		at('2026-12-08 08:00:00');
		expect(eventsOf((await harness.poll()).items)).toEqual([]);
		expect(
			harness.logs.some(
				(line) =>
					line.level === 'warn' && line.message.includes(`meeting ${gone} left the live list 168 hours ago`),
			),
		).toBe(true);
		expect(JSON.stringify(harness.staticData)).not.toContain(gone);
		expect(DEPARTED_GIVE_UP_MS).toBe(7 * 24 * 3_600_000);
	});

	test('one that started long ago: the history is read back to its start, 22 pages deep, without a share/get', async () => {
		// Two day-long meetings in progress since the evening before; meetings that started after them
		// have ended since, so the history lists them further down once they are cancelled.
		const nearer = await book({ start_time: '2026-11-30 21:00:00', duration: '1440' });
		const deeper = await book({ start_time: '2026-11-30 20:00:00', duration: '1440' });
		const context = {
			store: simulator.store,
			publicUrl: simulator.url,
			clock: simulator.clock,
			pathParams: {},
		};
		for (let index = 0; index < 40; index++)
			schedule(
				{
					topic: `Later ${index}`,
					meeting_capacity: '10',
					start_time: '2026-11-30 22:00:00',
					duration: '60',
				},
				context,
			);
		for (let index = 0; index < 600; index++)
			schedule(
				{
					topic: `Between ${index}`,
					meeting_capacity: '10',
					start_time: '2026-11-30 20:30:00',
					duration: '60',
				},
				context,
			);
		at('2026-12-01 08:00:01');
		const harness = trigger();
		expect((await harness.poll()).error).toBeUndefined();

		await callService(simulator, 'share/delete', { id: nearer });
		simulator.requests.length = 0;
		expect(eventsOf((await harness.poll()).items)).toEqual([`meetingCancelled ${nearer}`]);
		// Page 1 still reaches 22:00; page 2 reaches back past 21:00, where the meeting is listed.
		expect(simulator.requestsTo('share/history')).toHaveLength(2);
		expect(simulator.requestsTo('share/get')).toHaveLength(0);

		await callService(simulator, 'share/delete', { id: deeper });
		simulator.requests.length = 0;
		expect(eventsOf((await harness.poll()).items)).toEqual([`meetingCancelled ${deeper}`]);
		// 40 + 600 meetings started after it: it is on page 22.
		expect(simulator.requestsTo('share/history')).toHaveLength(22);
		expect(simulator.requestsTo('share/get')).toHaveLength(0);
		expect(eventsOf((await harness.poll()).items)).toEqual([]);
	});
});
