/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import type { Checks } from '../checks';
import type { StalledJobSettings } from './cluster';

/** The figures the queue suite measures, printed at the end (and copied into the README by hand). */
export interface QueueReport {
	label: string;
	n8nVersion?: string;
	stalled: StalledJobSettings;
	burst?: {
		requests: number;
		seconds: number;
		refused: number;
		perWorker: Record<string, number>;
		slowestMs: number;
	};
	kill?: {
		requests: number;
		seconds: number;
		refused: number;
		killedAfter: number;
		heldAtKill: number;
		/** Stalled jobs whose execution had answered its caller before the worker died. */
		answeredBeforeKill: number;
		failedWithMeeting: number;
		answered: number;
		failedCallers: number;
		failedSeconds: number[];
		rerunElsewhere: number;
		meetings: number;
		duplicates: number;
		statuses: Record<string, number>;
		/** What n8n stored for a failed one: its error, and whether the webhook's input is still there. */
		failedRecord: string;
	};
	/** The worker kill with Return It on the Schedule node and n8n's stalled-job default. */
	returnIt?: {
		requests: number;
		seconds: number;
		maxStalledCount: string;
		failedCallers: number;
		/** Callers told "failed" whose meeting existed in UMeeting all the same. */
		failedWithMeeting: number;
		recalled: number;
		recalledGotExisting: number;
		meetings: number;
		twice: number;
		scheduleRequests: number;
	};
	trigger?: { events: string[]; executionsOnWorkers: number; restartSeconds: number };
	phases: Array<[string, number]>;
}

export function printReport(report: QueueReport) {
	const line = (text: string) => console.log(`  ${text}`);
	const { stalled } = report;
	console.log(`\nQueue mode report, ${report.label}`);
	line(`n8n ${report.n8nVersion ?? '?'}: main + 2 workers (concurrency 10 each), Redis, PostgreSQL`);
	line(
		`stalled jobs: QUEUE_WORKER_MAX_STALLED_COUNT=${stalled.maxStalledCount}` +
			`${report.label === 'v1' ? '' : ' (ignored: n8n 2.x always fails a stalled job)'}, ` +
			`QUEUE_WORKER_LOCK_DURATION=${stalled.lockDurationMs}, ` +
			`QUEUE_WORKER_LOCK_RENEW_TIME=${stalled.lockRenewTimeMs}, ` +
			`QUEUE_WORKER_STALLED_INTERVAL=${stalled.stalledIntervalMs}`,
	);
	const b = report.burst;
	if (b)
		line(
			`burst: ${b.requests} concurrent webhook calls answered in ${b.seconds.toFixed(1)} s ` +
				`(${(b.requests / b.seconds).toFixed(1)}/s, slowest call ${(b.slowestMs / 1000).toFixed(1)} s, ` +
				`${b.refused} calls sent again after a 503 "Database is not ready!"); ` +
				`executions per worker: ${Object.entries(b.perWorker)
					.map(([name, count]) => `${name} ${count}`)
					.join(', ')}`,
		);
	const k = report.kill;
	if (k) {
		line(
			`worker kill: SIGKILL of worker-1 after it took ${k.killedAfter} executions of a ${k.requests}-call burst; ` +
				`n8n reports ${k.heldAtKill} of its jobs stalled (${k.answeredBeforeKill} had answered their caller before the kill)`,
		);
		const failedAfter = k.failedSeconds.length
			? ` (answered after ${k.failedSeconds.map((s) => s.toFixed(1)).join(' to ')} s)`
			: '';
		line(
			`  callers: ${k.answered} got their meeting, ${k.failedCallers} got an error${failedAfter}, ` +
				`${k.failedWithMeeting} of whom have a meeting in UMeeting all the same; ` +
				`executions the victim had taken run again by the other worker: ${k.rerunElsewhere}`,
		);
		line(
			`  UMeeting: ${k.meetings} meetings for ${k.requests} calls, ${k.duplicates} created twice; ` +
				`n8n's records: ${Object.entries(k.statuses)
					.map(([status, count]) => `${count} ${status}`)
					.join(', ')}; burst took ${k.seconds.toFixed(1)} s, ${k.refused} calls sent again after a 503`,
		);
		line(`  a failed execution's record: ${k.failedRecord}`);
	}
	const r = report.returnIt;
	if (r) {
		line(
			`worker kill with Return It (QUEUE_WORKER_MAX_STALLED_COUNT ${r.maxStalledCount}): ${r.failedCallers} of ${r.requests} callers got an error, ` +
				`${r.failedWithMeeting} of them with a meeting in UMeeting; all ${r.recalled} called again, ` +
				`${r.recalledGotExisting} got their existing meeting; UMeeting: ${r.meetings} meetings for ${r.requests} topics, ` +
				`${r.twice} booked twice, ${r.scheduleRequests} schedule requests; burst took ${r.seconds.toFixed(1)} s`,
		);
	}
	const t = report.trigger;
	if (t)
		line(
			`trigger: events ${t.events.join(', ')}; ${t.executionsOnWorkers} trigger executions, all run by workers; ` +
				`main restarted and polled from PostgreSQL state in ${t.restartSeconds.toFixed(1)} s`,
		);
	for (const [name, seconds] of report.phases) line(`${seconds.toFixed(1).padStart(7)} s  ${name}`);
}

export function printVerdict(checks: Checks) {
	if (checks.failures.length) {
		console.log('\nFailures:');
		for (const failure of checks.failures) console.log(`  - ${failure}`);
	}
	console.log(`\ne2e:queue: ${checks.passed} passed, ${checks.failures.length} failed`);
}
