/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import {
	executionsOf,
	type QueueContext,
	settledExecutionsOf,
	scheduleRequestsPerTopic,
	topicsOf,
} from './context';
import { burst, topics, WEBHOOK_PATH, WEBHOOK_WORKFLOW_ID } from './webhookBurst';

/** The victim is killed once it has taken this many executions of the burst (it then holds up to 10). */
const KILL_AFTER = 15;

/** UMeeting answers slowly in this burst, so that the victim's executions are caught inside the request. */
const LATENCY_MS = 1500;

/** The start of the error n8n stores for an execution whose job stalled once too often. */
const STALLED_MESSAGE = 'This execution failed to be processed too many times';

/**
 * A second burst, during which one worker is killed (SIGKILL) while it holds executions, some of
 * them already past their schedule request. Whatever n8n does with them, no meeting may be created
 * twice: every meeting UMeeting created belongs to a caller that got it, or to a caller that got an
 * error and whose execution n8n records as failed (a meeting the user must look up, never a silent
 * second one).
 */
export async function runWorkerKill(context: QueueContext, count: number) {
	const { cluster, postgres, simulator, checks, report } = context;
	checks.within(`${context.label} worker kill`);
	const [victim, survivor] = cluster.workers;
	const takenBefore = cluster.executionsTakenBy(victim).length;
	const survivorTakenBefore = cluster.executionsTakenBy(survivor).length;
	const lastBefore = Number(executionsOf(postgres, WEBHOOK_WORKFLOW_ID).pop()?.id ?? 0);
	const wanted = topics('kill', count);
	let killed = false;
	// The topic of every execution of the burst, read from the stored run data shortly after the kill,
	// before n8n replaces the data of the executions it fails with the error.
	let topicOf = new Map<string, string>();
	const watcher = setInterval(() => {
		if (killed || cluster.executionsTakenBy(victim).length - takenBefore < KILL_AFTER) return;
		cluster.crash(victim);
		killed = true;
		setTimeout(() => {
			topicOf = topicsOf(postgres, lastBefore, 'kill');
		}, 300);
	}, 50);
	simulator.options.latencyMs = LATENCY_MS;
	let result;
	try {
		result = await burst(`${cluster.webhookBase}/${WEBHOOK_PATH}`, wanted, 150_000);
	} finally {
		clearInterval(watcher);
		simulator.options.latencyMs = 0;
	}
	checks.that(killed, `worker-1 was killed after taking ${KILL_AFTER} executions of the burst`);
	const perTopic = scheduleRequestsPerTopic(simulator);

	// n8n's account of the jobs the victim held (locked in Redis): it reports each one stalled.
	const mainOutput = `${cluster.main.pastOutput}${cluster.main.server?.output ?? ''}`;
	const stalled = [...mainOutput.matchAll(/job stalled more than maxStalledCount \(execution (\d+)\)/g)]
		.map((m) => m[1])
		.filter((id) => Number(id) > lastBefore);
	checks.that(stalled.length > 0, 'the victim held executions when it was killed (n8n reports them stalled)');

	const answered = result.calls.filter((call) => call.status === 200 && call.meetingId);
	const failed = result.calls.filter((call) => !answered.includes(call));
	checks.that(
		answered.every((call) => simulator.store.get(call.meetingId!)?.topic === call.topic),
		"every meeting a caller got is UMeeting's meeting for the caller's topic",
	);
	checks.that(
		failed.every((call) => call.status !== undefined),
		'every caller got an HTTP answer (none waited in vain)',
		failed.filter((call) => call.status === undefined).slice(0, 5),
	);
	const duplicates = wanted.filter((topic) => (perTopic.get(topic) ?? 0) > 1);
	checks.equal(duplicates, [], 'no meeting was created twice (at most one schedule request per topic)');

	const executions = await settledExecutionsOf(postgres, WEBHOOK_WORKFLOW_ID, lastBefore, count);
	const statusOf = new Map(executions.map((execution) => [execution.id, execution.status]));
	// A worker can die after its execution answered the caller (Respond to Webhook ran) but before it
	// finished, or after it finished but before Bull marked the job done: n8n reports those jobs
	// stalled too, recording the first as failed and keeping the second's success.
	const stalledFailed = stalled.filter((id) => statusOf.get(id) === 'error');
	const wasAnswered = (id: string) => answered.some((call) => call.topic === topicOf.get(id));
	const answeredBeforeKill = stalled.filter(wasAnswered);
	const failedTopics = new Set(stalledFailed.map((id) => topicOf.get(id)));
	checks.that(
		failed.every((call) => failedTopics.has(call.topic)),
		'each caller that got an error belongs to an execution n8n reports stalled and records as failed',
		{
			failed: failed.map((call) => `${call.topic} ${call.status}`),
			stalled: stalled.map((id) => [id, statusOf.get(id), topicOf.get(id)]),
		},
	);
	checks.that(
		stalled.every((id) => statusOf.get(id) === 'error' || wasAnswered(id)),
		'a stalled execution n8n does not record as failed had already answered its caller with the meeting',
		stalled.map((id) => [id, statusOf.get(id), topicOf.get(id)]),
	);
	const meetings = simulator.store.all().filter((meeting) => wanted.includes(meeting.topic));
	const lost = failed.filter((call) => perTopic.has(call.topic));
	checks.equal(
		meetings.length,
		answered.length + lost.length,
		"UMeeting's meetings = meetings in successful answers + meetings of executions n8n reports as failed",
	);
	const victimTook = new Set(cluster.executionsTakenBy(victim).slice(takenBefore));
	const survivorTook = cluster.executionsTakenBy(survivor).slice(survivorTakenBefore);
	const rerun = survivorTook.filter((id) => stalled.includes(id) || victimTook.has(id));
	checks.equal(rerun, [], 'no execution the victim held was run again by the other worker');
	checks.equal(executions.length, count, `n8n recorded ${count} executions`);
	checks.that(
		executions.every((execution) => stalledFailed.includes(execution.id) || execution.status === 'success'),
		'every other execution succeeded',
	);
	const [failedRecord] = stalledFailed.length
		? postgres.sql(
				`SELECT position('${STALLED_MESSAGE}' in data) > 0, position('kill-' in data) > 0 FROM execution_data WHERE "executionId" = ${Number(stalledFailed[0])}`,
				postgres.database,
			)
		: [];

	const statuses: Record<string, number> = {};
	for (const execution of executions) statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
	report.kill = {
		requests: count,
		seconds: result.seconds,
		refused: result.refused,
		killedAfter: KILL_AFTER,
		heldAtKill: stalled.length,
		answeredBeforeKill: answeredBeforeKill.length,
		failedWithMeeting: lost.length,
		answered: answered.length,
		failedCallers: failed.length,
		failedSeconds: failed.length
			? [Math.min(...failed.map((call) => call.ms)) / 1000, Math.max(...failed.map((call) => call.ms)) / 1000]
			: [],
		rerunElsewhere: rerun.length,
		meetings: meetings.length,
		duplicates: duplicates.length,
		statuses,
		failedRecord: failedRecord
			? `error "${failedRecord[0] === 't' ? STALLED_MESSAGE : 'other'}…", the webhook's input ${failedRecord[1] === 't' ? 'kept' : 'gone'}`
			: 'none',
	};
}
