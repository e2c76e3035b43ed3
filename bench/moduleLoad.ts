/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * What n8n pays at start-up for this package: in a cold Node process, the time to require the built
 * node and credential after n8n-workflow is already loaded (n8n always loads it first), next to
 * the time of n8n-workflow alone. Median of several cold processes. The trigger, which n8n loads
 * too, is timed on top of them and reported beside the target, not in it.
 */
export function benchModuleLoad(runs = 9) {
	const script = `
		const t0 = process.hrtime.bigint();
		require('n8n-workflow');
		const t1 = process.hrtime.bigint();
		require('./dist/nodes/UMeeting/UMeeting.node.js');
		require('./dist/credentials/UMeetingApi.credentials.js');
		const t2 = process.hrtime.bigint();
		require('./dist/nodes/UMeeting/UMeetingTrigger.node.js');
		const t3 = process.hrtime.bigint();
		const ms = (a, b) => Number(b - a) / 1e6;
		console.log(JSON.stringify({ workflow: ms(t0, t1), ours: ms(t1, t2), trigger: ms(t2, t3) }));
	`;
	const samples = Array.from(
		{ length: runs },
		() =>
			JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as {
				workflow: number;
				ours: number;
				trigger: number;
			},
	);
	const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	return {
		runs,
		n8nWorkflowMs: median(samples.map((s) => s.workflow)),
		oursOverN8nWorkflowMs: median(samples.map((s) => s.ours)),
		triggerOnTopMs: median(samples.map((s) => s.trigger)),
	};
}

/** What `npm pack --dry-run` reports for the built package: file count, packed and unpacked size. */
export function tarballSize() {
	const [info] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ entryCount: number; size: number; unpackedSize: number }>;
	return { files: info.entryCount, packedKb: info.size / 1000, unpackedKb: info.unpackedSize / 1000 };
}

// `npm run bench:load`: these measures alone (seconds, no n8n), to check a build change.
if (require.main === module) {
	const load = benchModuleLoad();
	const tarball = tarballSize();
	console.log(
		`module load, median of ${load.runs} cold processes: n8n-workflow ${load.n8nWorkflowMs.toFixed(0)} ms; ` +
			`node and credential over it ${load.oursOverN8nWorkflowMs.toFixed(1)} ms; ` +
			`the trigger on top ${load.triggerOnTopMs.toFixed(1)} ms`,
	);
	console.log(
		`tarball (npm pack --dry-run): ${tarball.files} files, ${tarball.packedKb.toFixed(1)} kB packed, ` +
			`${tarball.unpackedKb.toFixed(1)} kB unpacked`,
	);
}
