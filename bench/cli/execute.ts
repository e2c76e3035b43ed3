/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import type { ExecuteOutput, N8nHome } from '../../scripts/e2e/n8nCli';

export interface ExecuteRun {
	code: number;
	/** Wall time of the whole `n8n execute` command, startup included. */
	seconds: number;
	/** Highest resident set of the n8n process, in bytes (VmHWM, read every 50 ms). */
	peakRssBytes: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs `n8n execute --id=<id> --rawOutput` like home.n8n() does, but spawned here so that the
 * process's memory can be read from /proc while it runs.
 */
export function executeWorkflow(home: N8nHome, id: string): Promise<ExecuteRun> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(home.install.node, [home.install.cli, 'execute', `--id=${id}`, '--rawOutput'], {
			env: home.env,
			cwd: home.folder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		let peakRssBytes = 0;
		// VmHWM is the kernel's own high-water mark, so a spike between two samples is not missed;
		// only the last 50 ms before exit can be, and the output is printed (not grown) by then.
		const sample = () => {
			peakRssBytes = Math.max(peakRssBytes, readPeakRss(child.pid));
		};
		const sampler = setInterval(sample, 50);
		child.on('error', (error) => {
			clearInterval(sampler);
			reject(error);
		});
		child.on('exit', () => clearInterval(sampler));
		child.on('close', (code) =>
			resolve({
				code: code ?? 1,
				seconds: (performance.now() - started) / 1000,
				peakRssBytes,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			}),
		);
	});
}

function readPeakRss(pid: number | undefined): number {
	if (pid === undefined) return 0;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kilobytes = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return Math.max(kilobytes('VmHWM'), kilobytes('VmRSS')) * 1024;
	} catch {
		return 0; // the process has just exited
	}
}

/** Items a node put out on its first output in its (only) run. */
export function outputItems(run: ExecuteOutput | undefined, nodeName: string) {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}
