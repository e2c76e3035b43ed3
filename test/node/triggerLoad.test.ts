/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DateTime } from 'luxon';

import {
	boundWatches,
	MAX_RECORDING_WATCHES,
	type RecordingWatch,
	STATE_KEY,
	type TriggerState,
} from '../../nodes/UMeeting/trigger/state';
import type { EndpointContext } from '../simulator/endpoints/context';
import { remove } from '../simulator/endpoints/lifecycle';
import { schedule } from '../simulator/endpoints/schedule';
import { fakeDateOnly, stateBytes, TriggerHarness } from '../helpers/poll';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator({
	lifecycleFollowsClock: true,
	recordingReadyAfterMinutes: 10,
});

const START = DateTime.fromISO('2026-12-01T00:00:00', { zone: 'Asia/Shanghai' });
const LIFECYCLE = ['meetingScheduled', 'meetingStarted', 'meetingEnded', 'meetingCancelled'];

afterEach(() => jest.useRealTimers());

interface Outcome {
	/** Times each "event meetingId" was output. */
	seen: Map<string, number>;
	/** Every "event meetingId" the meetings booked should give. */
	expected: Set<string>;
	state: TriggerState;
	finalBytes: number;
	largestBytes: number;
	polls: number;
	mostRequests: number;
}

/**
 * A busy account: 40 meetings booked every hour for the hour after (31 to 120 minutes long, one in
 * ten with cloud recording, one in twenty cancelled before it starts), booked in the simulator's
 * process (the trigger's requests still go over HTTP through n8n-core's request helper), and the
 * trigger polling every hour.
 */
async function busyAccount(meetings: number, events: string[]): Promise<Outcome> {
	fakeDateOnly();
	const at = (time: DateTime) => {
		jest.setSystemTime(time.toJSDate());
		simulator.advanceTo(time.toJSDate());
	};
	at(START);
	const context: EndpointContext = {
		store: simulator.store,
		publicUrl: simulator.url,
		clock: simulator.clock,
		pathParams: {},
	};
	const harness = new TriggerHarness({
		parameters: { events },
		credentials: credentials(),
		workflowTimeZone: 'Europe/Berlin',
	});
	expect((await harness.poll()).error).toBeUndefined();

	const seen = new Map<string, number>();
	const expected = new Set<string>();
	const sizes: number[] = [];
	let mostRequests = 0;
	const poll = async () => {
		simulator.requests.length = 0;
		const outcome = await harness.poll();
		expect(outcome.error).toBeUndefined();
		mostRequests = Math.max(mostRequests, simulator.requests.length);
		for (const { json } of outcome.items ?? []) {
			const key = `${String(json.event)} ${String(json.meeting_id)}`;
			seen.set(key, (seen.get(key) ?? 0) + 1);
		}
		sizes.push(stateBytes(harness.staticData));
	};

	const perHour = 40;
	let booked = 0;
	for (let hour = 0; booked < meetings; hour++) {
		const now = START.plus({ hours: hour });
		at(now);
		for (let index = 0; index < perHour; index++, booked++) {
			const start = now.plus({ hours: 1, minutes: (index * 3) % 60 });
			const cloud = booked % 10 === 0;
			const data = schedule(
				{
					topic: `Customer call ${booked}`,
					meeting_capacity: '10',
					start_time: start.toFormat('yyyy-MM-dd HH:mm:ss'),
					duration: String(31 + (booked % 90)),
					recording: cloud ? 'cloud' : 'none',
				},
				context,
			) as { meeting_id: string };
			const id = data.meeting_id;
			const add = (event: string) => events.includes(event) && expected.add(`${event} ${id}`);
			add('meetingScheduled');
			if (booked % 20 === 7) {
				remove({ id }, context);
				add('meetingCancelled');
				continue;
			}
			add('meetingStarted');
			add('meetingEnded');
			if (cloud) add('recordingReady');
		}
		await poll();
	}
	// Every meeting ends, every recording is processed.
	const end = START.plus({ hours: meetings / perHour });
	for (let hour = 1; hour <= 4; hour++) {
		at(end.plus({ hours: hour }));
		await poll();
	}
	return {
		seen,
		expected,
		state: harness.staticData[STATE_KEY] as unknown as TriggerState,
		finalBytes: stateBytes(harness.staticData),
		largestBytes: Math.max(...sizes),
		polls: sizes.length,
		mostRequests,
	};
}

function report(title: string, outcome: Outcome) {
	const { state } = outcome;
	console.log(
		[
			`${title} (${outcome.polls} hourly polls):`,
			`  JSON.stringify(staticData): largest ${outcome.largestBytes} bytes, final ${outcome.finalBytes} bytes`,
			`  final state: live ${Object.keys(state.live).length}, closed ${Object.keys(state.closed).length}, recording watches ${Object.keys(state.recordings).length}; most requests in one poll: ${outcome.mostRequests}`,
		].join('\n'),
	);
}

test('state size after 10,000 meetings: bounded by what is live and recent, and every event reported exactly once', async () => {
	const outcome = await busyAccount(10_000, LIFECYCLE);
	expect([...outcome.seen.entries()].filter(([, times]) => times !== 1)).toEqual([]);
	expect(new Set(outcome.seen.keys())).toEqual(outcome.expected);
	expect(outcome.expected.size).toBe(10_000 + 500 + 9_500 * 2);
	// At most about three hours of meetings are live or recently closed at any poll (about 55 bytes each).
	expect(outcome.largestBytes).toBeLessThan(16_000);
	expect(Object.keys(outcome.state.live)).toHaveLength(0);
	report('UMeeting Trigger, 10,000 meetings, lifecycle events', outcome);
}, 300_000);

test('Recording Ready on a busy account: every recording reported once; the watches stay within their bound', async () => {
	const outcome = await busyAccount(1_200, [...LIFECYCLE, 'recordingReady']);
	expect([...outcome.seen.entries()].filter(([, times]) => times !== 1)).toEqual([]);
	expect(new Set(outcome.seen.keys())).toEqual(outcome.expected);
	// Every ended meeting of the last 24 hours is watched: UMeeting does not say which are recorded.
	expect(Object.keys(outcome.state.recordings).length).toBeGreaterThan(700);
	expect(Object.keys(outcome.state.recordings).length).toBeLessThanOrEqual(MAX_RECORDING_WATCHES);
	report('UMeeting Trigger, 1,200 meetings, with Recording Ready', outcome);
}, 300_000);

test(`the recording watches are cut to ${MAX_RECORDING_WATCHES}, keeping those that wait longest; their size at the bound`, () => {
	const watches: Record<string, RecordingWatch> = {};
	for (let index = 0; index < 1_500; index++) {
		watches[String(1_770_000_000 + index * 7)] = {
			startTime: '2026-12-01 10:00:00',
			next: 1_796_100_000_000,
			looks: 3,
			until: 1_796_100_000_000 + index,
			reported: [],
		};
	}
	const { kept, dropped } = boundWatches(watches);
	expect(Object.keys(kept)).toHaveLength(MAX_RECORDING_WATCHES);
	expect(dropped).toBe(500);
	expect(Math.min(...Object.values(kept).map((watch) => watch.until))).toBe(1_796_100_000_000 + 500);
	const bytes = Buffer.byteLength(JSON.stringify(kept));
	expect(bytes).toBeLessThan(130_000);
	console.log(`UMeeting Trigger: ${MAX_RECORDING_WATCHES} recording watches take ${bytes} bytes of JSON`);
});
