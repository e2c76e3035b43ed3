/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DateTime } from 'luxon';

import { remove } from '../simulator/endpoints/lifecycle';
import { schedule } from '../simulator/endpoints/schedule';
import {
	bookThrough,
	callService,
	eventsOf,
	pollEvents,
	stateBytes,
	TriggerHarness,
	useSharedClock,
} from '../helpers/poll';
import { endpointContext, useSimulator } from '../helpers/simulator';

/**
 * The trigger's promise, each event once, on an account busier and less tidy than the simulator's
 * defaults: answers that fail inside an HTTP 200, a history crowded by cancelled meetings still to
 * come, lagging answers, an event selection changed while active, recordings in two parts.
 */
const { simulator, credentials } = useSimulator({
	lifecycleFollowsClock: true,
	recordingReadyAfterMinutes: 10,
	recordingSecondPartAfterMinutes: 30,
});

const at = useSharedClock(simulator);

const ALL = ['meetingScheduled', 'meetingStarted', 'meetingEnded', 'meetingCancelled', 'recordingReady'];

function trigger(events: string[] = ALL) {
	return new TriggerHarness({
		parameters: { events },
		credentials: credentials(),
		workflowTimeZone: 'America/New_York',
	});
}

const book = (fields: Record<string, string> = {}) =>
	bookThrough(
		simulator,
		{ topic: 'Review', meeting_capacity: '10', start_time: '2026-12-01 08:30:00', duration: '45' },
		fields,
	);

const poll = pollEvents;

const context = () => endpointContext(simulator);

/**
 * A meeting recorded in the cloud, polled (with nothing to report yet) through its start and end,
 * and the clock at 09:30, when its first recording part is ready: the next poll is the one to test.
 */
async function recordedMeetingOver(harness: TriggerHarness): Promise<string> {
	const id = await book({ recording: 'cloud' });
	expect(await poll(harness)).toEqual([]);
	at('2026-12-01 09:20:00');
	expect(await poll(harness)).toEqual([]);
	at('2026-12-01 09:30:00');
	return id;
}

/** Books in the simulator's process (fast); the trigger still reads over HTTP. */
function bookDirect(topic: string, start: DateTime, duration = 31): string {
	const data = schedule(
		{
			topic,
			meeting_capacity: '10',
			start_time: start.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm:ss'),
			duration: String(duration),
		},
		context(),
	) as { meeting_id: string };
	return data.meeting_id;
}

/** Cancelled meetings with a start days ahead: they sort to the top of the history. */
function futureCancellations(count: number) {
	const from = DateTime.fromISO('2026-12-20T09:00:00', { zone: 'Asia/Shanghai' });
	for (let index = 0; index < count; index++)
		remove({ id: bookDirect(`Cancelled ${index}`, from.plus({ minutes: index * 7 })) }, context());
}

const warnings = (harness: TriggerHarness) =>
	harness.logs.filter((line) => line.level === 'warn').map((line) => line.message);

/** Answers that fail although their HTTP status is 200. */
const ANSWERS_FAILING_INSIDE_200 = [
	['a body status other than 200', { type: 'bodyStatus', status: 500, message: 'internal error' } as const],
	['a body that is not JSON', { type: 'notJson' } as const],
] as const;

describe('1. a failed answer inside HTTP 200 is not "the meeting is gone"', () => {
	test.each(ANSWERS_FAILING_INSIDE_200)(
		'share/get answers with %s while the history lags: the meeting is kept and its end reported later',
		async (_, fault) => {
			const harness = trigger(['meetingEnded']);
			const id = await book();
			expect(await poll(harness)).toEqual([]);
			at('2026-12-01 09:20:00');
			// The history still gives the answer it gave before the meeting ended.
			simulator.injectFault({ type: 'stale' }, { path: '/umeeting/share/history' });
			simulator.injectFault(fault, { path: '/umeeting/share/get' });
			expect(await poll(harness)).toEqual([]);
			expect(warnings(harness).join('\n')).toContain(`${id}: `);
			at('2026-12-01 09:21:00');
			expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
			at('2026-12-01 09:30:00');
			expect(await poll(harness)).toEqual([]);
		},
	);

	test.each(ANSWERS_FAILING_INSIDE_200)(
		'cloud/recording answers with %s: the recording is looked at again and reported',
		async (_, fault) => {
			const harness = trigger(['recordingReady']);
			const id = await recordedMeetingOver(harness);
			simulator.injectFault(fault, { path: '/umeeting/cloud/recording' });
			expect(await poll(harness)).toEqual([]);
			expect(warnings(harness).join('\n')).toMatch(/recording check\(s\) failed and are tried again later/);
			at('2026-12-01 09:40:00');
			expect(await poll(harness)).toEqual([`recordingReady ${id}`]);
		},
	);
});

describe('2. a busy history is read to its end, within a budget that carries over', () => {
	test('700 cancelled meetings still to come do not hide a meeting booked and closed between two polls', async () => {
		futureCancellations(700);
		const harness = trigger();
		expect(await poll(harness)).toEqual([]);
		const ended = await book({ start_time: '2026-12-01 08:10:00', duration: '31' });
		const cancelled = await book({ start_time: '2026-12-01 12:00:00' });
		await callService(simulator, 'share/delete', { id: cancelled });
		at('2026-12-01 08:50:00');
		simulator.requests.length = 0;
		expect((await poll(harness)).sort()).toEqual(
			[
				`meetingScheduled ${ended}`,
				`meetingStarted ${ended}`,
				`meetingEnded ${ended}`,
				`meetingScheduled ${cancelled}`,
				`meetingCancelled ${cancelled}`,
			].sort(),
		);
		// 702 rows above the floor: 24 pages, and nothing else.
		expect(simulator.requestsTo('share/history')).toHaveLength(24);
		// Every cancelled meeting still to come is remembered until its start has passed.
		const bytes = stateBytes(harness.staticData);
		expect(bytes).toBeLessThan(702 * 70);
		console.log(`UMeeting Trigger: state with 702 closed meetings above the floor: ${bytes} bytes`);
		expect(await poll(harness)).toEqual([]);
	});

	test('n8n down for two days on an account of 40 meetings an hour: the pages over budget are read at the next poll, with a warning, each event once', async () => {
		futureCancellations(300);
		const harness = trigger(['meetingScheduled', 'meetingEnded']);
		expect(await poll(harness)).toEqual([]);
		const from = DateTime.fromISO('2026-12-01T09:00:00', { zone: 'Asia/Shanghai' });
		const ids: string[] = [];
		for (let index = 0; index < 48 * 40; index++)
			ids.push(bookDirect(`Call ${index}`, from.plus({ minutes: index * 1.5 })));
		at('2026-12-03 10:00:00');
		const first = await poll(harness);
		expect(warnings(harness).join('\n')).toMatch(/more than this poll's budget of pages/);
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(ids.length * 2);
		at('2026-12-03 10:01:00');
		const second = await poll(harness);
		at('2026-12-03 10:02:00');
		const third = await poll(harness);
		const all = [...first, ...second, ...third];
		expect(all).toHaveLength(ids.length * 2);
		expect(new Set(all)).toEqual(
			new Set(ids.flatMap((id) => [`meetingScheduled ${id}`, `meetingEnded ${id}`])),
		);
		at('2026-12-03 10:03:00');
		expect(await poll(harness)).toEqual([]);
	}, 120_000);

	test('100 meetings leave the live list while the history lags: all are looked up and reported in that poll', async () => {
		const harness = trigger(['meetingEnded']);
		const from = DateTime.fromISO('2026-12-01T08:10:00', { zone: 'Asia/Shanghai' });
		const ids = Array.from({ length: 100 }, (_, index) => bookDirect(`Call ${index}`, from));
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:50:00');
		simulator.injectFault({ type: 'stale' }, { path: '/umeeting/share/history' });
		simulator.requests.length = 0;
		expect((await poll(harness)).sort()).toEqual(ids.map((id) => `meetingEnded ${id}`).sort());
		expect(simulator.requestsTo('share/get')).toHaveLength(100);
	});
});

describe('3. a lagging live list does not repeat events', () => {
	test('a meeting listed again once after it ended, then gone again: Meeting Ended once', async () => {
		const harness = trigger();
		const id = await book();
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:40:00');
		expect(await poll(harness)).toEqual([`meetingStarted ${id}`]);
		at('2026-12-01 09:20:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
		at('2026-12-01 09:21:00');
		simulator.injectFault({ type: 'stale' }, { path: '/umeeting/share/list' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:22:00');
		expect(await poll(harness)).toEqual([]);
	});

	test('a meeting in progress listed once as scheduled: Meeting Started once', async () => {
		const harness = trigger();
		const id = await book();
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:40:00');
		expect(await poll(harness)).toEqual([`meetingStarted ${id}`]);
		// The oldest answer this request got still shows it scheduled.
		simulator.injectFault({ type: 'stale' }, { path: '/umeeting/share/list' });
		at('2026-12-01 08:41:00');
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 08:42:00');
		expect(await poll(harness)).toEqual([]);
	});
});

describe('4. changing the event selection does not replay old events', () => {
	test('Meeting Ended added to an active Meeting Cancelled trigger: endings before the change are not reported, later ones are', async () => {
		const harness = trigger(['meetingCancelled']);
		const old = Array.from({ length: 5 }, (_, index) =>
			bookDirect(`Old ${index}`, DateTime.fromISO('2026-12-01T08:10:00', { zone: 'Asia/Shanghai' })),
		);
		const later = await book({ start_time: '2026-12-01 10:00:00' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:00:00');
		// The five end; nothing is reported, so n8n does not save this poll's state.
		expect(await poll(harness)).toEqual([]);
		harness.setParameters({ events: ['meetingCancelled', 'meetingEnded'] });
		at('2026-12-01 09:01:00');
		expect(await poll(harness)).toEqual([]);
		expect(harness.logs.some((line) => /5 event\(s\) of newly selected kinds/.test(line.message))).toBe(true);
		at('2026-12-01 10:50:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${later}`]);
		harness.restart();
		at('2026-12-01 10:51:00');
		expect(await poll(harness)).toEqual([]);
		expect(old).toHaveLength(5);
	});

	test('Recording Ready removed and added back: the recordings still awaited are reported', async () => {
		const harness = trigger(['meetingEnded', 'recordingReady']);
		const id = await book({ recording: 'cloud' });
		expect(await poll(harness)).toEqual([]);
		at('2026-12-01 09:20:00');
		expect(await poll(harness)).toEqual([`meetingEnded ${id}`]);
		harness.setParameters({ events: ['meetingEnded'] });
		at('2026-12-01 09:21:00');
		expect(await poll(harness)).toEqual([]);
		harness.setParameters({ events: ['meetingEnded', 'recordingReady'] });
		at('2026-12-01 09:40:00');
		expect(await poll(harness)).toEqual([`recordingReady ${id}`]);
	});
});

describe('5. a recording in two parts', () => {
	test('the first part is reported when ready, the second part with a second event (later_part), each file once', async () => {
		const harness = trigger(['recordingReady']);
		const id = await recordedMeetingOver(harness);
		const first = await harness.poll();
		expect(eventsOf(first.items)).toEqual([`recordingReady ${id}`]);
		expect(first.items![0].json.later_part).toBeUndefined();
		const firstFiles = (first.items![0].json.recordings as Array<{ id: string }>).map((file) => file.id);
		expect(firstFiles).toHaveLength(2);
		const files: string[] = [];
		// The second part is listed from 09:55; looks come at growing intervals (09:32, 09:36, 09:44, 10:00).
		for (let minutes = 31; minutes <= 120; minutes++) {
			at(
				DateTime.fromISO('2026-12-01T09:00:00', { zone: 'Asia/Shanghai' })
					.plus({ minutes })
					.toFormat('yyyy-MM-dd HH:mm:ss'),
			);
			const outcome = await harness.poll();
			for (const item of outcome.items ?? []) {
				expect(item.json).toMatchObject({ event: 'recordingReady', meeting_id: id, later_part: true });
				files.push(...(item.json.recordings as Array<{ id: string }>).map((file) => file.id));
			}
		}
		expect(files).toHaveLength(2);
		at('2026-12-02 09:00:00');
		expect(await poll(harness)).toEqual([]);
		const listed = simulator.store.get(id)!.sessions![0].recordings.map((file) => file.id);
		expect([...firstFiles, ...files].sort()).toEqual([...listed].sort());
		expect(listed).toHaveLength(4);
	});
});

describe('6. Fetch Test Event looks past the first page', () => {
	test('a meeting in progress under 35 future bookings', async () => {
		const running = await book({ start_time: '2026-12-01 07:50:00' });
		for (let index = 0; index < 35; index++)
			await book({ start_time: `2026-12-0${2 + (index % 5)} 10:00:00` });
		const sample = await trigger(['meetingStarted']).manual();
		expect(sample.error).toBeUndefined();
		expect(eventsOf(sample.items)).toEqual([`meetingStarted ${running}`]);
	});

	test('an ended meeting under 35 future cancellations', async () => {
		const ended = await book({ start_time: '2026-12-01 06:00:00' });
		at('2026-12-01 07:00:00');
		futureCancellations(35);
		const sample = await trigger(['meetingEnded']).manual();
		expect(sample.error).toBeUndefined();
		expect(eventsOf(sample.items)).toEqual([`meetingEnded ${ended}`]);
	});

	test('the soonest scheduled meeting, not the farthest', async () => {
		const soon = await book({ start_time: '2026-12-01 09:00:00' });
		for (let index = 0; index < 35; index++)
			await book({ start_time: `2026-12-0${2 + (index % 5)} 10:00:00` });
		const sample = await trigger(['meetingScheduled']).manual();
		expect(eventsOf(sample.items)).toEqual([`meetingScheduled ${soon}`]);
	});
});
