/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { runUMeeting } from '../test/helpers/engine';
import { startSimulatorProcess } from './simulatorProcess';

/**
 * `npm run bench:memory`: one run of 10,000 items through the node inside n8n's engine against the
 * simulator (in its own process, so its records do not count), sampling this process's memory every
 * 20 ms. Reports the peak growth over the baseline taken after a one-item warm-up run, and checks
 * that every item got its own meeting, in order.
 */
const ITEMS = Number(process.argv[2] ?? 10_000);

const parameters = {
	resource: 'meeting',
	operation: 'schedule',
	topic: '=Training {{ $json.index }}',
	meetingCapacity: 20,
	startTime: '2026-12-01T10:00:00',
	duration: 60,
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
	process.env.N8N_USER_FOLDER ??= `${process.cwd()}/.cache/bench-n8n`;
	const simulator = await startSimulatorProcess();
	const credentials = simulator.credentials;
	await runUMeeting({ credentials, parameters, items: [{ index: -1 }] });
	global.gc?.();
	const baseline = process.memoryUsage();
	const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
	const sampler = setInterval(() => {
		const now = process.memoryUsage();
		peak.rss = Math.max(peak.rss, now.rss);
		peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
	}, 20);
	const started = Date.now();
	const { output, error } = await runUMeeting({
		credentials,
		parameters,
		items: Array.from({ length: ITEMS }, (_, index) => ({ index })),
	});
	const seconds = (Date.now() - started) / 1000;
	clearInterval(sampler);
	global.gc?.();
	const retained = process.memoryUsage().heapUsed - baseline.heapUsed;
	simulator.stop();
	const ids = new Set(output?.map((item) => item.json.meeting_id));
	const inOrder = output?.every((item, index) => (item.pairedItem as { item?: number }).item === index);
	if (error || output?.length !== ITEMS || ids.size !== ITEMS || !inOrder) {
		throw new Error(
			`run failed: ${error?.message ?? `${output?.length} items, ${ids.size} meetings, in order: ${inOrder}`}`,
		);
	}
	console.log(`items                 ${ITEMS}`);
	console.log(
		`time                  ${seconds.toFixed(1)} s (${((seconds * 1000) / ITEMS).toFixed(2)} ms/item, sequential)`,
	);
	console.log(`baseline rss / heap   ${mb(baseline.rss)} / ${mb(baseline.heapUsed)}`);
	console.log(`peak rss / heap       ${mb(peak.rss)} / ${mb(peak.heapUsed)}`);
	console.log(
		`peak growth rss/heap  ${mb(peak.rss - baseline.rss)} / ${mb(peak.heapUsed - baseline.heapUsed)}`,
	);
	console.log(
		`retained after GC     ${mb(retained)} heap (${(retained / ITEMS / 1024).toFixed(2)} KB per output item, still referenced)`,
	);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
