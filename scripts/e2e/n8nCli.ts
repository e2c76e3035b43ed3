/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** One prepared n8n: the Node binary it runs on and its CLI script. */
export interface N8nInstall {
	label: string;
	node: string;
	cli: string;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	/** The signal that ended the process, if one did (code is then 1). */
	signal?: string;
	/** The run JSON `n8n execute --rawOutput` printed, when there was one. */
	json?: ExecuteOutput;
}

export interface ExecuteOutput {
	data?: {
		resultData?: {
			error?: { message?: string; description?: string };
			runData?: Record<
				string,
				Array<{
					data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>> };
					error?: { message?: string };
				}>
			>;
		};
	};
	/** "success" or "error" once the execution has finished. */
	status?: string;
	finished?: boolean;
	[key: string]: unknown;
}

/**
 * The exit code of `n8n execute`, and whether n8n crashed after the run had finished. n8n 2.41 on
 * Node 24 with its default expression engine ("vm", the isolated-vm addon) dies with SIGSEGV at
 * process exit in about half the runs here, after printing the complete run JSON (never with
 * N8N_EXPRESSION_ENGINE=legacy). Such a crash does not change what the run did: the code is then
 * the one the finished run stands for (0 for status "success", 1 otherwise). A crash without a
 * complete run JSON stays a failure.
 */
export function exitOf(result: CliResult): { code: number; crashedAfterRun: boolean } {
	const finished = result.json?.status !== undefined && result.json?.stoppedAt !== undefined;
	if (result.signal === 'SIGSEGV' && finished) {
		return { code: result.json?.status === 'success' ? 0 : 1, crashedAfterRun: true };
	}
	return { code: result.code, crashedAfterRun: false };
}

/**
 * A scratch n8n user folder with the environment the CLI needs to run headless: its own SQLite
 * database, no telemetry, a fixed encryption key, and a machine zone far from the workflows' zones.
 */
export class N8nHome {
	readonly env: NodeJS.ProcessEnv;

	constructor(
		readonly install: N8nInstall,
		readonly folder: string,
	) {
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(join(folder, '.n8n', 'nodes'), { recursive: true });
		this.env = {
			PATH: process.env.PATH,
			HOME: folder,
			TZ: 'Pacific/Chatham',
			GENERIC_TIMEZONE: 'America/New_York',
			N8N_USER_FOLDER: folder,
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
			N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// n8n 1.123's default expression engine needs the isolated-vm addon, which is not built here.
			...(install.label === 'v1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		};
	}

	get nodesFolder() {
		return join(this.folder, '.n8n', 'nodes');
	}

	writeJson(name: string, value: unknown): string {
		const path = join(this.folder, name);
		writeFileSync(path, JSON.stringify(value, null, 2));
		return path;
	}

	writeFile(name: string, content: string | Buffer): string {
		const path = join(this.folder, name);
		writeFileSync(path, content);
		return path;
	}

	readText(name: string): string {
		return readFileSync(join(this.folder, name), 'utf8');
	}

	async n8n(args: string[]): Promise<CliResult> {
		const result = await run(this.install.node, [this.install.cli, ...args], {
			// n8n 2.x starts a task-runner broker, on 5679 unless told otherwise: a port of its own
			// lets two suites run side by side.
			env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			cwd: this.folder,
		});
		return { ...result, json: parseRunJson(result.stdout) };
	}
}

export function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; onStderr?: (text: string) => void } = {},
): Promise<{ code: number; stdout: string; stderr: string; signal?: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env: options.env ?? process.env,
			cwd: options.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			options.onStderr?.(String(chunk));
		});
		child.on('error', reject);
		child.on('close', (code, signal) =>
			resolve({ code: code ?? 1, stdout, stderr, ...(signal ? { signal } : {}) }),
		);
	});
}

/**
 * n8n 2.x prints log lines around the JSON even with --rawOutput (before it, and now and then a
 * task-runner line after it): the JSON starts at the first "{" line and ends at a line that closes
 * it, the first candidate that parses.
 */
export function parseRunJson(stdout: string): ExecuteOutput | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	for (let end = lines.length; end > start; end--) {
		if (!lines[end - 1].trimEnd().endsWith('}')) continue;
		try {
			return JSON.parse(lines.slice(start, end).join('\n')) as ExecuteOutput;
		} catch {
			// Not the end of the JSON yet: try the previous closing line.
		}
	}
	return undefined;
}

/** A TCP port free on loopback right now. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
