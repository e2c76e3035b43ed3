import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * What n8n pays at start-up for this package: in a cold Node process, the time to require the built
 * node and credential after n8n-workflow is already loaded (n8n always loads it first), next to
 * the time of n8n-workflow alone. Median of several cold processes.
 */
export function benchModuleLoad(runs = 9) {
	const root = join(__dirname, '..');
	const script = `
		const t0 = process.hrtime.bigint();
		require('n8n-workflow');
		const t1 = process.hrtime.bigint();
		require('./dist/nodes/UMeeting/UMeeting.node.js');
		require('./dist/credentials/UMeetingApi.credentials.js');
		const t2 = process.hrtime.bigint();
		console.log(JSON.stringify({ workflow: Number(t1 - t0) / 1e6, ours: Number(t2 - t1) / 1e6 }));
	`;
	const samples = Array.from(
		{ length: runs },
		() =>
			JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as {
				workflow: number;
				ours: number;
			},
	);
	const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	return {
		runs,
		n8nWorkflowMs: median(samples.map((s) => s.workflow)),
		oursOverN8nWorkflowMs: median(samples.map((s) => s.ours)),
	};
}

// `npm run bench:load`: this measure alone (seconds, no n8n), to check a build change.
if (require.main === module) {
	const load = benchModuleLoad();
	console.log(
		`module load, median of ${load.runs} cold processes: n8n-workflow ${load.n8nWorkflowMs.toFixed(0)} ms; ` +
			`node and credential over it ${load.oursOverN8nWorkflowMs.toFixed(1)} ms`,
	);
}
