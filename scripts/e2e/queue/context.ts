import type { UMeetingSimulator } from '../../../test/simulator';
import type { Checks } from '../checks';
import type { QueueCluster } from './cluster';
import type { QueueReport } from './report';
import type { Postgres } from './services';

/** What each part of the queue suite works with. */
export interface QueueContext {
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
