import { join } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { CASES } from './cases';
import { Checks } from './checks';
import { cache, importSetup, installPackage, must, pack, prepare, readExample } from './harness';
import { N8nHome } from './n8nCli';

/**
 * `npm run e2e [-- --versions v1,v2]`: packs the package, installs the tarball into a real n8n
 * (1.x on Node 20, 2.x on Node 24) as a user install, imports a credential pointing at the
 * simulator and the workflows of examples/, runs each with `n8n execute`, and checks the CLI's
 * result and what the simulator received.
 */
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

async function runVersion(label: string, tarball: string, checks: Checks) {
	const install = await phase(`${label}: prepare n8n`, () => prepare(label, true));
	const version = (await must(install.node, [install.cli, '--version'])).trim().split('\n').pop();
	console.log(`  n8n ${version} on Node ${(await must(install.node, ['--version'])).trim()}`);
	const home = new N8nHome(install, join(cache, `home-${label}`));
	await phase(`${label}: install the package tarball`, () => installPackage(home, tarball));

	const simulator = new UMeetingSimulator();
	await simulator.start();
	try {
		await phase(`${label}: import credential and workflows`, () =>
			importSetup(home, simulator, [...new Set(CASES.map((c) => c.file))]),
		);
		for (const testCase of CASES) {
			const { id } = readExample(testCase.file);
			const title = testCase.title ?? testCase.file;
			simulator.reset();
			testCase.arrange?.(simulator);
			const result = await phase(`${label}: ${title}`, () => home.n8n(['execute', `--id=${id}`, '--rawOutput']));
			home.writeJson(`${title.replace(/\W+/g, '-')}.out.json`, { code: result.code, stdout: result.stdout, stderr: result.stderr });
			checks.within(`${label} ${title}`);
			checks.equal(result.code, testCase.expectExit, `n8n execute exits ${testCase.expectExit}`);
			if (result.code !== testCase.expectExit) console.log(result.stdout.slice(-3000), result.stderr.slice(-3000));
			checks.that(
				!`${result.stdout}${result.stderr}`.includes(simulator.apiSecret),
				"the API secret appears nowhere in n8n's output or log",
			);
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
