/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DateTime } from 'luxon';

import type { Fault } from '../simulator/server';
import { remove } from '../simulator/endpoints/lifecycle';
import { schedule } from '../simulator/endpoints/schedule';
import { generator } from '../simulator/sessions';
import { fakeDateOnly, TriggerHarness } from '../helpers/poll';
import { endpointContext, useSimulator } from '../helpers/simulator';

/**
 * A randomised soak of the trigger against the stateful simulator: meetings booked, started,
 * ended and cancelled (many of them with a start days ahead), recordings in two parts, failures
 * injected (HTTP 5xx, 200 with an error status, answers that are not JSON, connections dropped,
 * lagging live lists), n8n restarted from its saved copy, and the event selection widened while
 * active. Every event the simulator's record says happened is reported exactly once, and nothing
 * else: an event of a kind selected later only if it happened after the first poll that had it.
 */
const { simulator, credentials } = useSimulator({
	lifecycleFollowsClock: true,
	recordingReadyAfterMinutes: 10,
	recordingSecondPartAfterMinutes: 20,
});

afterEach(() => jest.useRealTimers());

const ALL = ['meetingScheduled', 'meetingStarted', 'meetingEnded', 'meetingCancelled', 'recordingReady'];
const START = DateTime.fromISO('2026-12-01T08:00:00', { zone: 'Asia/Shanghai' });
const STEPS = 160;

interface Booked {
	id: string;
	booked: number;
	start: number;
	end: number;
	cancelled?: number;
	recorded: boolean;
}

const FAULTS: Array<[Fault, string]> = [
	[{ type: 'http', status: 502 }, '/umeeting/share/list'],
	[{ type: 'http', status: 500 }, '/umeeting/share/history'],
	[{ type: 'bodyStatus', status: 500, message: 'busy' }, '/umeeting/share/list'],
	[{ type: 'bodyStatus', status: 500, message: 'busy' }, '/umeeting/share/history'],
	[{ type: 'notJson' }, '/umeeting/share/history'],
	[{ type: 'drop' }, '/umeeting/share/list'],
	[{ type: 'stale' }, '/umeeting/share/list'],
	[{ type: 'http', status: 503 }, '/umeeting/cloud/recording'],
	[{ type: 'bodyStatus', status: 500, message: 'busy' }, '/umeeting/cloud/recording'],
	[{ type: 'notJson' }, '/umeeting/cloud/recording'],
];

test.each([11, 23, 47, 101])(
	'seed %i: every event once, none missing, none extra',
	async (seed) => {
		// The same seed gives the same run.
		const rand = generator(`soak:${seed}`);
		const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
		fakeDateOnly();
		let now = START;
		const at = (time: DateTime) => {
			now = time;
			jest.setSystemTime(time.toJSDate());
			simulator.advanceTo(time.toJSDate());
		};
		at(START);
		const context = endpointContext(simulator);
		const text = (time: DateTime) => time.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm:ss');
		const book = (start: DateTime, duration: number, recorded: boolean): Booked => {
			const { meeting_id: id } = schedule(
				{
					topic: `Soak ${seed}`,
					meeting_capacity: '10',
					start_time: text(start),
					duration: String(duration),
					recording: recorded ? 'cloud' : 'none',
				},
				context,
			) as { meeting_id: string };
			const startMs = DateTime.fromFormat(text(start), 'yyyy-MM-dd HH:mm:ss', {
				zone: 'Asia/Shanghai',
			}).toMillis();
			return { id, booked: now.toMillis(), start: startMs, end: startMs + duration * 60_000, recorded };
		};

		const before = ALL.filter((event) => event !== 'meetingCancelled' && rand() < 0.5);
		const first = ['meetingCancelled', ...before];
		const harness = new TriggerHarness({
			parameters: { events: first },
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
		});
		expect((await harness.poll()).error).toBeUndefined();

		const meetings: Booked[] = [];
		const seen = new Map<string, number>();
		const files = new Map<string, number>();
		const changeStep = Math.floor(STEPS * (0.3 + rand() * 0.3));
		let changedAt: number | undefined;
		let widened = false;
		let restarts = 0;
		let faults = 0;
		const poll = async (faulty: boolean) => {
			if (faulty && rand() < 0.25) {
				const [fault, path] = pick(FAULTS);
				simulator.injectFault(fault, { path, skip: Math.floor(rand() * 2) });
				faults++;
			}
			const outcome = await harness.poll();
			if (!outcome.error && widened && changedAt === undefined) changedAt = now.toMillis();
			// A fault the poll did not reach must not hit the next one.
			simulator.clearFaults();
			for (const { json } of outcome.items ?? []) {
				const key = `${String(json.event)} ${String(json.meeting_id)}`;
				seen.set(key, (seen.get(key) ?? 0) + 1);
				for (const file of (json.recordings as Array<{ id: string }> | undefined) ?? [])
					files.set(file.id, (files.get(file.id) ?? 0) + 1);
			}
		};

		for (let step = 0; step < STEPS; step++) {
			at(now.plus({ minutes: 1 + Math.floor(rand() * 25) }));
			const quiet = Math.abs(step - changeStep) <= 3;
			for (let count = Math.floor(rand() * 4); count > 0; count--) {
				const start = now.plus({ minutes: 2 + Math.floor(rand() * 240) });
				meetings.push(book(start, 31 + Math.floor(rand() * 60), rand() < 0.4));
			}
			if (rand() < 0.5) {
				// Booked for days ahead and cancelled: the top of the history grows.
				const ahead = book(now.plus({ days: 2 + rand() * 20 }), 45, false);
				remove({ id: ahead.id }, context);
				meetings.push({ ...ahead, cancelled: now.toMillis() });
			}
			const scheduled = meetings.filter(
				(meeting) => !meeting.cancelled && simulator.store.get(meeting.id)?.status === 0,
			);
			if (scheduled.length && rand() < 0.3) {
				const target = pick(scheduled);
				remove({ id: target.id }, context);
				target.cancelled = now.toMillis();
			}
			if (step === changeStep) {
				harness.setParameters({ events: ALL });
				widened = true;
			} else if (!quiet && rand() < 0.05) {
				harness.restart();
				restarts++;
			}
			await poll(!quiet);
		}
		// Everything ends and every recording is processed; polls without failures.
		for (let minutes = 10; minutes <= 8 * 60; minutes += 10) {
			at(now.plus({ minutes: 10 }));
			await poll(false);
		}

		expect(changedAt).toBeDefined();
		const added = ALL.filter((event) => !first.includes(event));
		const expected = new Set<string>();
		const expectedFiles = new Set<string>();
		const expect_ = (event: string, id: string, time: number) => {
			if (first.includes(event) || (added.includes(event) && time > changedAt!))
				expected.add(`${event} ${id}`);
		};
		for (const meeting of meetings) {
			expect_('meetingScheduled', meeting.id, meeting.booked);
			if (meeting.cancelled !== undefined) {
				expect_('meetingCancelled', meeting.id, meeting.cancelled);
				continue;
			}
			expect_('meetingStarted', meeting.id, meeting.start);
			expect_('meetingEnded', meeting.id, meeting.end);
			const watched = first.includes('recordingReady') || meeting.end > changedAt!;
			if (meeting.recorded && watched) {
				for (const session of simulator.store.get(meeting.id)!.sessions ?? [])
					for (const file of session.recordings) expectedFiles.add(file.id);
			}
		}
		// Recording Ready comes once per part (two here): its files are counted instead.
		const twice = [...seen.entries()].filter(
			([key, times]) => times > 1 && !key.startsWith('recordingReady'),
		);
		expect(twice).toEqual([]);
		expect([...files.entries()].filter(([, times]) => times > 1)).toEqual([]);
		const reported = new Set([...seen.keys()].filter((key) => !key.startsWith('recordingReady')));
		expect([...expected].filter((key) => !reported.has(key))).toEqual([]);
		expect([...reported].filter((key) => !expected.has(key))).toEqual([]);
		expect(new Set(files.keys())).toEqual(expectedFiles);
		expect(harness.logs.filter((line) => /watch\(es\) dropped/.test(line.message))).toEqual([]);
		console.log(
			`trigger soak seed ${seed}: ${meetings.length} meetings, ${reported.size} lifecycle events and ${files.size} recording files reported once each; ${faults} faults injected, ${harness.logs.filter((line) => /poll failed/.test(line.message)).length} failed polls, ${restarts} restarts, selection ${first.join('+')} widened to all at step ${changeStep}`,
		);
	},
	120_000,
);
