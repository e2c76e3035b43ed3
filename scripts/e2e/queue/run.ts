/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { join } from 'node:path';

import { UMeetingSimulator } from '../../../test/simulator';
import { Checks } from '../checks';
import { importSetup, must, pack, prepare, scratch } from '../harness';
import { freePort } from '../n8nCli';
import { PostReceiver } from '../trigger';
import { QueueCluster, type StalledJobSettings } from './cluster';
import type { QueueContext } from './context';
import { printReport, printVerdict, type QueueReport } from './report';
import { Postgres, Redis } from './services';
import { runTriggerPart, TRIGGER_WORKFLOW_ID, triggerWorkflow } from './triggerPart';
import { runFirstBurst, WEBHOOK_WORKFLOW_ID, webhookWorkflow } from './webhookBurst';
import { runWorkerKill } from './workerKill';
import { RETURN_IT_WORKFLOW_ID, returnItWorkflow, runReturnItKill } from './returnItKill';

/**
 * `npm run e2e:queue [-- --versions v1,v2] [--max-stalled-count N]`: the package in n8n queue mode on
 * loopback, for n8n 1.x and 2.x in turn: Redis, PostgreSQL, an n8n main process and two workers, each
 * with the package installed from its tarball in a user folder of its own. A burst of concurrent
 * webhook calls, a second burst during which a worker is killed, the same with If the Same Meeting
 * Exists: Return It under n8n's own stalled-job default (its failed callers call again), and the
 * UMeeting Trigger across a restart of the main process (queue/*.ts).
 *
 * Bull's stalled-job handling decides what happens to the executions a dead worker held. n8n 1.x's
 * default (QUEUE_WORKER_MAX_STALLED_COUNT=1) runs them again on another worker, which schedules a
 * second meeting for each one that had already reached UMeeting; 0 fails them instead. The suite
 * runs with 0 (what the README requires on 1.x); `--max-stalled-count 1` shows the default. n8n 2.x
 * ignores the variable and always fails them. Short lock, renewal and check intervals make a dead
 * worker's jobs stall within seconds rather than minutes.
 */

const BURST = 200;

function stalledSettings(): StalledJobSettings {
	const at = process.argv.indexOf('--max-stalled-count');
	return {
		maxStalledCount: at >= 0 ? Number(process.argv[at + 1]) : 0,
		lockDurationMs: 10_000,
		lockRenewTimeMs: 2_500,
		stalledIntervalMs: 5_000,
	};
}

async function runVersion(label: string, tarball: string, checks: Checks): Promise<QueueReport> {
	const report: QueueReport = { label, stalled: stalledSettings(), phases: [] };
	const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		console.log(`\n> ${label}: ${name}`);
		try {
			return await work();
		} finally {
			report.phases.push([name, (Date.now() - started) / 1000]);
		}
	};
	const install = await phase('prepare n8n', () => prepare(label, true));
	report.n8nVersion = (await must(install.node, [install.cli, '--version'])).trim().split('\n').pop();

	const folder = join(scratch, 'queue', label);
	const redis = new Redis(join(folder, 'redis'), await freePort());
	const postgres = new Postgres(join(folder, 'postgres'), await freePort());
	const simulator = new UMeetingSimulator({ lifecycleFollowsClock: true });
	const receiver = new PostReceiver();
	const cluster = new QueueCluster(install, folder, 2, redis, postgres, report.stalled);
	const context: QueueContext = { label, cluster, postgres, simulator, checks, report };
	try {
		await phase('start Redis and PostgreSQL', async () => {
			await redis.start();
			await postgres.start();
		});
		await phase('install the package tarball on the main and each worker', () =>
			cluster.installPackage(tarball),
		);
		await simulator.start();
		await receiver.start();
		await phase('import the credential and workflows, activate them (CLI, into PostgreSQL)', async () => {
			await importSetup(cluster.main.home, simulator, [], {
				workflows: [webhookWorkflow(), returnItWorkflow(), triggerWorkflow(receiver.url)],
			});
			for (const id of [WEBHOOK_WORKFLOW_ID, RETURN_IT_WORKFLOW_ID, TRIGGER_WORKFLOW_ID]) {
				const activated = await cluster.main.home.n8n(
					label === 'v1'
						? ['update:workflow', `--id=${id}`, '--active=true']
						: ['publish:workflow', `--id=${id}`],
				);
				if (activated.code !== 0) throw new Error(`activating ${id} failed:\n${activated.stderr}`);
			}
		});
		await phase('start the main process and two workers', async () => {
			await cluster.startMain();
			await cluster.startWorkers();
		});
		await phase(`burst of ${BURST} webhook calls`, () => runFirstBurst(context, BURST));
		await phase(`burst of ${BURST} webhook calls, worker-1 killed`, () => runWorkerKill(context, BURST));
		await phase('worker-1 back', async () => {
			await cluster.stop(cluster.workers[0]);
			await cluster.startWorker(cluster.workers[0]);
		});
		await phase(
			`burst of ${BURST} webhook calls with Return It and n8n's stalled-job default, worker-1 killed, failed callers call again`,
			async () => {
				await cluster.stopAll();
				cluster.useDefaultStalledCount();
				await cluster.startMain();
				await cluster.startWorkers();
				await runReturnItKill(context, BURST);
				await cluster.stop(cluster.workers[0]);
				await cluster.startWorker(cluster.workers[0]);
			},
		);
		await phase('UMeeting Trigger: polls on the main, runs on the workers, main restarted', () =>
			runTriggerPart(context, receiver),
		);
		checks.within(`${label} secrets`);
		checks.that(
			cluster.members.every(
				(member) => !`${member.pastOutput}${member.server?.output ?? ''}`.includes(simulator.apiSecret),
			),
			"the API secret appears in no n8n process's output",
		);
	} catch (error) {
		checks.that(false, `${label}: the suite stopped: ${(error as Error).stack ?? String(error)}`);
	} finally {
		await cluster.stopAll();
		await receiver.stop();
		await simulator.stop();
		await redis.stop();
		await postgres.stop();
	}
	return report;
}

async function main() {
	const at = process.argv.indexOf('--versions');
	const labels = at >= 0 ? process.argv[at + 1].split(',') : ['v1', 'v2'];
	const checks = new Checks();
	const tarball = await pack();
	const reports: QueueReport[] = [];
	for (const label of labels) reports.push(await runVersion(label, tarball, checks));
	for (const report of reports) printReport(report);
	printVerdict(checks);
	process.exit(checks.failures.length ? 1 : 0);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
