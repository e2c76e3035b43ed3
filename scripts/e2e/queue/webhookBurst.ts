/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { type ExampleWorkflow, SIMULATOR_CREDENTIAL } from '../harness';
import { executionsOf, type QueueContext, settledExecutionsOf, scheduleRequestsPerTopic } from './context';

/**
 * The webhook workflow the bursts call (Webhook -> UMeeting Schedule -> Respond to Webhook: the
 * caller gets the meeting UMeeting created for the topic it sent), and the concurrent callers.
 */

export const WEBHOOK_WORKFLOW_ID = 'umQueueE2eHook01';
export const WEBHOOK_PATH = 'queue-e2e/schedule';

export function webhookWorkflow(): ExampleWorkflow {
	return {
		id: WEBHOOK_WORKFLOW_ID,
		name: 'Queue e2e: webhook to UMeeting Schedule',
		active: false,
		nodes: [
			{
				id: 'q-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5b1f0c52-7a8e-4d6b-9f21-3c4d5e6f7a81',
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'responseNode', options: {} },
			},
			{
				id: 'q-schedule',
				name: 'Schedule Meeting',
				type: 'n8n-nodes-umeeting.uMeeting',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'meeting',
					operation: 'schedule',
					topic: '={{ $json.body.topic }}',
					meetingCapacity: 10,
					startTime: '={{ $json.body.start }}',
					duration: 45,
					includeHostSecrets: false,
				},
				credentials: { uMeetingApi: SIMULATOR_CREDENTIAL },
			},
			{
				id: 'q-respond',
				name: 'Respond with the meeting',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [480, 0],
				parameters: { respondWith: 'firstIncomingItem', options: {} },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Schedule Meeting', type: 'main', index: 0 }]] },
			'Schedule Meeting': { main: [[{ node: 'Respond with the meeting', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', timezone: 'Europe/Berlin' },
	};
}

/** What one caller got back. */
export interface CallResult {
	topic: string;
	status?: number;
	meetingId?: string;
	/** No answer at all (connection error or the caller's timeout), or the error answer's text. */
	error?: string;
	/** Times n8n refused the call with "503 Database is not ready!" before it was answered. */
	refused: number;
	ms: number;
}

export interface Burst {
	calls: CallResult[];
	seconds: number;
	/** Calls n8n refused at least once with 503 (each was sent again). */
	refused: number;
}

/** Meetings two days ahead, in the workflow's zone without an offset, as a form would send them. */
function startText() {
	const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
	return `${day}T10:00:00`;
}

/**
 * n8n answers every request "503 Database is not ready!" for a while after one of its periodic
 * database pings took longer than 5 s, which happens on the main under a burst on this 2-core
 * machine. It answers so before any route runs (no execution, nothing sent to UMeeting), so the
 * caller sends the call again after a second, as an HTTP client does with a 503; the burst checks
 * still see every schedule request UMeeting received.
 */
const REFUSAL_RETRIES = 10;

async function call(url: string, topic: string, timeoutMs: number): Promise<CallResult> {
	const sent = Date.now();
	let refused = 0;
	try {
		for (;;) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ topic, start: startText() }),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await response.text();
			if (response.status === 503 && text.includes('Database is not ready') && refused < REFUSAL_RETRIES) {
				refused++;
				await new Promise((resolve) => setTimeout(resolve, 1000));
				continue;
			}
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(text) as Record<string, unknown>;
			} catch {
				body = { unparsed: text.slice(0, 200) };
			}
			return {
				topic,
				status: response.status,
				meetingId: typeof body.meeting_id === 'string' ? body.meeting_id : undefined,
				...(response.ok ? {} : { error: text.slice(0, 200) }),
				refused,
				ms: Date.now() - sent,
			};
		}
	} catch (error) {
		return { topic, error: (error as Error).message, refused, ms: Date.now() - sent };
	}
}

/** Sends one POST per topic, all at once, and waits for every answer (or the caller's timeout). */
export async function burst(url: string, topics: string[], timeoutMs: number): Promise<Burst> {
	const started = Date.now();
	const calls = await Promise.all(topics.map((topic) => call(url, topic, timeoutMs)));
	return {
		calls,
		seconds: (Date.now() - started) / 1000,
		refused: calls.filter((result) => result.refused > 0).length,
	};
}

export function topics(prefix: string, count: number) {
	return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
}

/**
 * The first burst: every caller gets the meeting UMeeting created for its own topic, UMeeting saw
 * exactly one schedule request per topic, and both workers ran executions (each exactly once).
 */
export async function runFirstBurst(context: QueueContext, count: number) {
	const { cluster, postgres, simulator, checks, report } = context;
	checks.within(`${context.label} webhook burst`);
	const wanted = topics('burst', count);
	const lastBefore = Number(executionsOf(postgres, WEBHOOK_WORKFLOW_ID).pop()?.id ?? 0);
	const result = await burst(`${cluster.webhookBase}/${WEBHOOK_PATH}`, wanted, 120_000);
	const answered = result.calls.filter((call) => call.status === 200 && call.meetingId);
	checks.equal(answered.length, count, `all ${count} callers get HTTP 200 with a meeting`);
	for (const call of result.calls.filter((c) => !answered.includes(c)).slice(0, 5))
		checks.that(false, `caller ${call.topic} got no meeting`, call);
	checks.equal(
		new Set(answered.map((call) => call.meetingId)).size,
		answered.length,
		'every caller gets a meeting of its own',
	);
	const ownTopic = answered.filter((call) => simulator.store.get(call.meetingId!)?.topic === call.topic);
	checks.equal(
		ownTopic.length,
		answered.length,
		"each answered meeting is UMeeting's meeting for the caller's topic",
	);
	const perTopic = scheduleRequestsPerTopic(simulator);
	checks.equal(
		simulator.requestsTo('share/schedule').length,
		count,
		`UMeeting received exactly ${count} schedule requests`,
	);
	checks.that(
		wanted.every((topic) => perTopic.get(topic) === 1),
		'one schedule request per topic',
	);
	const executions = await settledExecutionsOf(postgres, WEBHOOK_WORKFLOW_ID, lastBefore, count);
	checks.equal(executions.length, count, `n8n recorded ${count} executions`);
	checks.that(
		executions.every((execution) => execution.status === 'success'),
		'all of them succeeded',
		executions.filter((execution) => execution.status !== 'success').slice(0, 5),
	);
	const perWorker: Record<string, number> = {};
	const ranBy = new Map<string, string[]>();
	for (const worker of cluster.workers) {
		const taken = new Set(cluster.executionsTakenBy(worker));
		const ours = executions.filter((execution) => taken.has(execution.id));
		perWorker[worker.name] = ours.length;
		for (const execution of ours) ranBy.set(execution.id, [...(ranBy.get(execution.id) ?? []), worker.name]);
	}
	checks.that(
		executions.every((execution) => ranBy.get(execution.id)?.length === 1),
		"each execution was run by exactly one worker (from the workers' logs)",
		executions.filter((execution) => ranBy.get(execution.id)?.length !== 1).slice(0, 5),
	);
	checks.that(
		Object.values(perWorker).every((n) => n > 0),
		'both workers ran executions of the burst',
		perWorker,
	);
	report.burst = {
		requests: count,
		seconds: result.seconds,
		refused: result.refused,
		perWorker,
		slowestMs: Math.max(...result.calls.map((call) => call.ms)),
	};
}
