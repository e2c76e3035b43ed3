/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import type { UMeetingSimulator } from '../../../test/simulator';
import type { Checks } from '../checks';
import type { QueueCluster } from './cluster';
import type { QueueReport } from './report';
import type { Postgres } from './services';

/** What each part of the queue suite works with. */
export interface QueueContext {
	/** "v1" (n8n 1.x) or "v2" (n8n 2.x). */
	label: string;
	cluster: QueueCluster;
	postgres: Postgres;
	simulator: UMeetingSimulator;
	checks: Checks;
	report: QueueReport;
}

/** The executions n8n recorded for a workflow, oldest first, from its PostgreSQL database. */
export function executionsOf(postgres: Postgres, workflowId: string, afterId = 0) {
	return postgres
		.sql(
			`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${afterId} ORDER BY id`,
			postgres.database,
		)
		.map(([id, status, mode]) => ({ id, status, mode }));
}

/**
 * The executions of a burst once n8n has finished recording them: a caller's answer (sent by Respond
 * to Webhook) can arrive before the worker saves the execution's final status. After a minute it
 * returns what is there, for the checks to judge.
 */
export async function settledExecutionsOf(
	postgres: Postgres,
	workflowId: string,
	afterId: number,
	count: number,
) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const executions = executionsOf(postgres, workflowId, afterId);
		const settled = executions.every((execution) => !['new', 'running'].includes(execution.status));
		if ((executions.length >= count && settled) || Date.now() > deadline) return executions;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The topic each execution's webhook call asked for, read from its stored run data (the webhook's
 * body is in it until n8n replaces the data with an error).
 */
export function topicsOf(postgres: Postgres, afterId: number, prefix: string): Map<string, string> {
	const rows = postgres.sql(
		`SELECT "executionId", substring(data from '${prefix}-[0-9]{3}') FROM execution_data WHERE "executionId" > ${afterId}`,
		postgres.database,
	);
	return new Map(rows.filter(([, topic]) => topic).map(([id, topic]) => [id, topic]));
}

/** Schedule requests UMeeting received, per topic. */
export function scheduleRequestsPerTopic(simulator: UMeetingSimulator) {
	const counts = new Map<string, number>();
	for (const request of simulator.requestsTo('share/schedule')) {
		const topic = String(request.form.topic);
		counts.set(topic, (counts.get(topic) ?? 0) + 1);
	}
	return counts;
}
