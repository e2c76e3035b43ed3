/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { UMeetingSimulator } from '../../test/simulator';
import { Checks } from './checks';
import { type CliResult, N8nHome, run, type N8nInstall } from './n8nCli';

/** Steps shared by the end-to-end suite, the demo and the dev environment. */

export const root = resolve(__dirname, '../..');
export const cache = join(root, '.cache', 'e2e');
/**
 * Where runs keep what they write (n8n user folders, the queue suite's Redis and PostgreSQL data):
 * outside the repository, because n8n copies its editor's JavaScript into a user folder and
 * `n8n-node lint` (strict mode, n8n's config unchanged) reads every file of the repository outside
 * node_modules. One folder per checkout, so two clones can run at once; each run empties its own.
 */
export const scratch = join(
	tmpdir(),
	`n8n-nodes-umeeting-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`,
);
export const CREDENTIAL_ID = 'umeetingSim00001';
/** How workflows name the credential importSetup writes. */
export const SIMULATOR_CREDENTIAL = { id: CREDENTIAL_ID, name: 'UMeeting (simulator)' };

/** A UMeeting credential entry for `n8n import:credentials`, pointing at the simulator. */
export function simulatorCredential(simulator: UMeetingSimulator, reference: { id: string; name: string }) {
	return {
		...reference,
		type: 'uMeetingApi',
		data: {
			apiKey: simulator.apiKey,
			apiSecret: simulator.apiSecret,
			baseUrl: simulator.url,
			serviceTimeZone: simulator.clock.zone,
		},
	};
}

export async function must(command: string, args: string[], cwd = root) {
	const result = await run(command, args, { cwd });
	if (result.code !== 0)
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/** Builds and packs the package as it would be published; returns the tarball's path. */
export async function pack(): Promise<string> {
	await must('npm', ['run', 'build']);
	const folder = join(cache, 'pack');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	await must('npm', ['pack', '--pack-destination', folder, '--silent']);
	const [tarball] = readdirSync(folder).filter((f) => f.endsWith('.tgz'));
	return join(folder, tarball);
}

/** Installs (or finds in the cache) n8n "v1" (1.x, Node 20) or "v2" (2.x, Node 24). */
export async function prepare(label: string, showProgress = false): Promise<N8nInstall> {
	const output = await run('bash', [join(root, 'scripts/e2e/prepare-n8n.sh'), label], {
		cwd: root,
		onStderr: showProgress ? (text) => process.stderr.write(text) : undefined,
	});
	if (!showProgress) process.stderr.write(output.stderr);
	if (output.code !== 0) throw new Error(`preparing n8n ${label} failed`);
	const [node, cli] = output.stdout.trim().split('\n').pop()!.split(' ');
	return { label, node, cli };
}

/** Installs the tarball the way the Community Nodes panel does: into <user folder>/.n8n/nodes. */
export async function installPackage(home: N8nHome, tarball: string) {
	home.writeJson('.n8n/nodes/package.json', { name: 'installed-nodes', private: true });
	await must(
		'npm',
		['install', tarball, '--omit=dev', '--legacy-peer-deps', '--no-audit', '--no-fund'],
		home.nodesFolder,
	);
}

/** An example workflow as stored in examples/ (the fields the scripts read; the rest passes through). */
export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		typeVersion: number;
		parameters: Record<string, unknown>;
		disabled?: boolean;
		[key: string]: unknown;
	}>;
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;
	settings?: { timezone?: string; [key: string]: unknown };
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
	[key: string]: unknown;
}

export function readExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as ExampleWorkflow;
}

/** What importSetup imported, with the CLI's answers (the e2e suite checks them). */
export interface ImportResult {
	credentials: CliResult;
	workflows: CliResult;
}

/**
 * Imports a UMeeting credential pointing at the simulator (its Service Time Zone is the simulator's
 * zone), any further credentials, then the given example workflows and any further workflows (such
 * as copies of examples the e2e suite changes at test time).
 */
export async function importSetup(
	home: N8nHome,
	simulator: UMeetingSimulator,
	exampleFiles: string[],
	extra: { credentials?: object[]; workflows?: object[] } = {},
): Promise<ImportResult> {
	const credentialsFile = home.writeJson('credentials.json', [
		simulatorCredential(simulator, SIMULATOR_CREDENTIAL),
		...(extra.credentials ?? []),
	]);
	const credentials = await home.n8n(['import:credentials', `--input=${credentialsFile}`]);
	if (credentials.code !== 0)
		throw new Error(`import:credentials failed:\n${credentials.stdout}\n${credentials.stderr}`);
	const workflowsFile = home.writeJson('workflows.json', [
		...exampleFiles.map(readExample),
		...(extra.workflows ?? []),
	]);
	const workflows = await home.n8n(['import:workflow', `--input=${workflowsFile}`]);
	if (workflows.code !== 0)
		throw new Error(`import:workflow failed:\n${workflows.stdout}\n${workflows.stderr}`);
	return { credentials, workflows };
}

/**
 * `ts-node scripts/e2e/<part>.ts [v1|v2 …]`: one part of the suite alone, for each n8n version in a
 * user folder of its own with the packed package installed; exits 1 when a check failed.
 */
export function runPartAlone(
	part: string,
	runPart: (label: string, home: N8nHome, checks: Checks) => Promise<void>,
) {
	const main = async () => {
		const labels = process.argv.slice(2).length ? process.argv.slice(2) : ['v1', 'v2'];
		const checks = new Checks();
		const tarball = await pack();
		for (const label of labels) {
			const started = Date.now();
			const home = new N8nHome(await prepare(label, true), join(scratch, `home-${part}-${label}`));
			await installPackage(home, tarball);
			await runPart(label, home, checks);
			console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
		}
		for (const failure of checks.failures) console.log(`  - ${failure}`);
		console.log(`${part} e2e: ${checks.passed} passed, ${checks.failures.length} failed`);
		process.exit(checks.failures.length ? 1 : 0);
	};
	main().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	});
}
