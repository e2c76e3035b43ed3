import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { CASES } from './cases';
import { Checks } from './checks';
import { N8nHome, run, type N8nInstall } from './n8nCli';

/**
 * `npm run e2e [-- --versions v1,v2]`: packs the package, installs the tarball into a real n8n
 * (1.x on Node 20, 2.x on Node 24) as a user install, imports a credential pointing at the
 * simulator and the workflows of examples/, runs each with `n8n execute`, and checks the CLI's
 * result and what the simulator received.
 */
const root = resolve(__dirname, '../..');
const cache = join(root, '.cache', 'e2e');
const CREDENTIAL_ID = 'umeetingSim00001';

const timings: Array<[string, number]> = [];

async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	console.log(`\n> ${name}`);
	try {
		return await work();
	} finally {
		const seconds = (Date.now() - started) / 1000;
		timings.push([name, seconds]);
		console.log(`  (${seconds.toFixed(1)} s)`);
	}
}

async function must(command: string, args: string[], cwd = root, env?: NodeJS.ProcessEnv) {
	const result = await run(command, args, { cwd, env });
	if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

async function pack(): Promise<string> {
	await must('npm', ['run', 'build']);
	const folder = join(cache, 'pack');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	await must('npm', ['pack', '--pack-destination', folder, '--silent']);
	const [tarball] = readdirSync(folder).filter((f) => f.endsWith('.tgz'));
	return join(folder, tarball);
}

async function prepare(label: string): Promise<N8nInstall> {
	const output = await run('bash', [join(root, 'scripts/e2e/prepare-n8n.sh'), label], { cwd: root });
	process.stderr.write(output.stderr);
	if (output.code !== 0) throw new Error(`preparing n8n ${label} failed`);
	const [node, cli] = output.stdout.trim().split('\n').pop()!.split(' ');
	return { label, node, cli };
}

/** Installs the tarball the way the Community Nodes panel does: into <user folder>/.n8n/nodes. */
async function installPackage(home: N8nHome, tarball: string) {
	home.writeJson('.n8n/nodes/package.json', { name: 'installed-nodes', private: true });
	await must('npm', ['install', tarball, '--omit=dev', '--legacy-peer-deps', '--no-audit', '--no-fund'], home.nodesFolder);
}

function examples() {
	return CASES.map((c) => JSON.parse(readFileSync(join(root, 'examples', c.file), 'utf8')) as { id: string; name: string });
}

async function importAll(home: N8nHome, simulator: UMeetingSimulator) {
	const credentialsFile = home.writeJson('credentials.json', [
		{
			id: CREDENTIAL_ID,
			name: 'UMeeting (simulator)',
			type: 'uMeetingApi',
			data: { apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, baseUrl: simulator.url },
		},
	]);
	const imported = await home.n8n(['import:credentials', `--input=${credentialsFile}`]);
	if (imported.code !== 0) throw new Error(`import:credentials failed:\n${imported.stdout}\n${imported.stderr}`);
	const workflowsFile = home.writeJson('workflows.json', examples());
	const workflows = await home.n8n(['import:workflow', `--input=${workflowsFile}`]);
	if (workflows.code !== 0) throw new Error(`import:workflow failed:\n${workflows.stdout}\n${workflows.stderr}`);
}

async function runVersion(label: string, tarball: string, checks: Checks) {
	const install = await phase(`${label}: prepare n8n`, () => prepare(label));
	const version = (await must(install.node, [install.cli, '--version'])).trim().split('\n').pop();
	console.log(`  n8n ${version} on Node ${(await must(install.node, ['--version'])).trim()}`);
	const home = new N8nHome(install, join(cache, `home-${label}`));
	await phase(`${label}: install the package tarball`, () => installPackage(home, tarball));

	const simulator = new UMeetingSimulator();
	await simulator.start();
	try {
		await phase(`${label}: import credential and workflows`, () => importAll(home, simulator));
		for (const [index, testCase] of CASES.entries()) {
			const { id } = examples()[index];
			simulator.reset();
			const result = await phase(`${label}: ${testCase.file}`, () => home.n8n(['execute', `--id=${id}`, '--rawOutput']));
			home.writeJson(`${testCase.file}.out.json`, { code: result.code, stdout: result.stdout, stderr: result.stderr });
			checks.within(`${label} ${testCase.file}`);
			checks.equal(result.code, testCase.expectExit, `n8n execute exits ${testCase.expectExit}`);
			if (result.code !== testCase.expectExit) console.log(result.stdout.slice(-3000), result.stderr.slice(-3000));
			testCase.verify(result, simulator, checks);
		}
	} finally {
		await simulator.stop();
	}
}

async function main() {
	const at = process.argv.indexOf('--versions');
	const labels = at >= 0 ? process.argv[at + 1].split(',') : ['v1', 'v2'];
	const checks = new Checks();
	const tarball = await phase('build and pack', pack);
	for (const label of labels) await runVersion(label, tarball, checks);

	console.log('\nPhase timings:');
	for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
	if (checks.failures.length) {
		console.log('\nFailures:');
		for (const failure of checks.failures) console.log(`  - ${failure}`);
	}
	console.log(`\ne2e: ${checks.passed} passed, ${checks.failures.length} failed`);
	process.exit(checks.failures.length ? 1 : 0);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
