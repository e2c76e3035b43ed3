/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import type { ExampleWorkflow } from '../harness';
import type { QueueContext } from './context';
import { burst, topics, webhookWorkflow } from './webhookBurst';

/**
 * The worker kill again, now with If the Same Meeting Exists: Return It on the Schedule node and
 * n8n's own stalled-job default (n8n 1.x runs a dead worker's executions again; 2.x fails them).
 * No meeting may be booked twice, and every caller that got an error calls again, as a CRM or a
 * form sends again, and gets the meeting that already exists: in the end every caller holds its own
 * meeting, one per topic.
 */

export const RETURN_IT_WORKFLOW_ID = 'umQueueE2eOnce01';
const RETURN_IT_PATH = 'queue-e2e/schedule-once';
const KILL_AFTER = 15;
/**
 * Each execution first lists the live meetings, about 20 pages by this burst (every burst books
 * meetings two days ahead): a shorter latency than the other kill burst's still keeps the victim's
 * executions in flight when it dies.
 */
const LATENCY_MS = 200;

/** The burst's webhook workflow with Return It on its Schedule node, at a path of its own. */
export function returnItWorkflow(): ExampleWorkflow {
	const workflow = webhookWorkflow();
	return {
		...workflow,
		id: RETURN_IT_WORKFLOW_ID,
		name: 'Queue e2e: webhook to UMeeting Schedule, Return It',
		nodes: workflow.nodes.map((node) => {
			if (node.type === 'n8n-nodes-base.webhook')
				return {
					...node,
					webhookId: '0c9d2e41-6b3a-4f8e-a1d7-5e2f3a4b6c92',
					parameters: { ...node.parameters, path: RETURN_IT_PATH },
				};
			if (node.type === 'n8n-nodes-umeeting.uMeeting')
				return { ...node, parameters: { ...node.parameters, ifExists: 'returnIt' } };
			return node;
		}),
	};
}

export async function runReturnItKill(context: QueueContext, count: number) {
	const { cluster, simulator, checks, report } = context;
	checks.within(`${context.label} worker kill, Return It, n8n's stalled-job default`);
	const [victim] = cluster.workers;
	const takenBefore = cluster.executionsTakenBy(victim).length;
	const wanted = topics('once', count);
	const url = `${cluster.webhookBase}/${RETURN_IT_PATH}`;
	let killed = false;
	const watcher = setInterval(() => {
		if (killed || cluster.executionsTakenBy(victim).length - takenBefore < KILL_AFTER) return;
		cluster.crash(victim);
		killed = true;
	}, 50);
	simulator.options.latencyMs = LATENCY_MS;
	let first;
	try {
		first = await burst(url, wanted, 150_000);
	} finally {
		clearInterval(watcher);
		simulator.options.latencyMs = 0;
	}
	checks.that(killed, `worker-1 was killed after taking ${KILL_AFTER} executions of the burst`);
	const meetingsOf = (topic: string) => simulator.store.all().filter((meeting) => meeting.topic === topic);
	const failed = first.calls.filter((call) => call.status !== 200 || !call.meetingId);
	const failedWithMeeting = failed.filter((call) => meetingsOf(call.topic).length > 0);

	// Every caller told "failed" calls again, as a CRM or a form sends again.
	const again = failed.length
		? await burst(
				url,
				failed.map((call) => call.topic),
				120_000,
			)
		: undefined;
	const final = new Map(first.calls.map((call) => [call.topic, call]));
	for (const call of again?.calls ?? []) final.set(call.topic, call);
	const holding = [...final.values()].filter((call) => call.status === 200 && call.meetingId);
	checks.equal(holding.length, count, `all ${count} callers hold a meeting in the end`);
	checks.equal(
		new Set(holding.map((call) => call.meetingId)).size,
		count,
		`${count} distinct meetings among the callers`,
	);
	checks.that(
		holding.every((call) => simulator.store.get(call.meetingId!)?.topic === call.topic),
		"each caller's meeting is UMeeting's meeting for its topic",
	);
	const twice = wanted.filter((topic) => meetingsOf(topic).length > 1);
	checks.equal(twice, [], 'no meeting booked twice (one meeting per topic in UMeeting)');
	const hadMeeting = new Set(failedWithMeeting.map((call) => call.topic));
	const recalledGotExisting = (again?.calls ?? []).filter(
		(call) => call.meetingId && hadMeeting.has(call.topic),
	);
	checks.equal(
		recalledGotExisting.length,
		failedWithMeeting.length,
		'every caller told "failed" whose meeting existed got that meeting when it called again',
	);
	report.returnIt = {
		requests: count,
		seconds: first.seconds,
		maxStalledCount: cluster.maxStalledCount,
		failedCallers: failed.length,
		failedWithMeeting: failedWithMeeting.length,
		recalled: again?.calls.length ?? 0,
		recalledGotExisting: recalledGotExisting.length,
		meetings: wanted.reduce((sum, topic) => sum + meetingsOf(topic).length, 0),
		twice: twice.length,
		scheduleRequests: simulator
			.requestsTo('share/schedule')
			.filter((request) => String(request.form.topic).startsWith('once-')).length,
	};
}
