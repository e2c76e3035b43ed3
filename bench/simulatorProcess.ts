/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { DEMO_KEY, DEMO_SECRET } from '../test/simulator';

export interface SimulatorStats {
	requests: number;
	peakInFlight: number;
	connections: number;
	created: number;
}

/** Runs the simulator CLI in a child process, so that its memory and CPU stay out of measurements. */
export async function startSimulatorProcess(extraArgs: string[] = []) {
	const root = join(__dirname, '..');
	const child = spawn(
		process.execPath,
		['-r', 'ts-node/register', join(root, 'test/simulator/cli.ts'), ...extraArgs],
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const url = await new Promise<string>((resolve, reject) => {
		let seen = '';
		child.stdout.on('data', (chunk) => {
			seen += chunk;
			const match = /listening on (\S+)/.exec(seen);
			if (match) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
	const control = async (action: 'stats' | 'reset') => {
		const response = await fetch(`${url}/__sim/${action}`, { method: action === 'reset' ? 'POST' : 'GET' });
		return (await response.json()) as SimulatorStats;
	};
	return {
		url,
		credentials: { apiKey: DEMO_KEY, apiSecret: DEMO_SECRET, baseUrl: url },
		/** Counters since the last reset; needs the --control flag. */
		stats: () => control('stats'),
		reset: () => control('reset'),
		stop: () => child.kill('SIGTERM'),
	};
}
