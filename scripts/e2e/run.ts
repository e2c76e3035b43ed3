/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { join } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { runAgentE2e } from './agent';
import { CASES as EXAMPLE_CASES, type E2eCase, type E2eContext } from './cases';
import { Checks } from './checks';
import {
	scratch,
	type ExampleWorkflow,
	importSetup,
	installPackage,
	must,
	pack,
	prepare,
	readExample,
} from './harness';
import { INTEGRATION_CASES, SMTP_CREDENTIAL } from './integrationCases';
import { runMcpE2e } from './mcp';
import { exitOf, N8nHome } from './n8nCli';
import { RESOURCE_CASES } from './resourceCases';
import { SmtpReceiver } from './smtpReceiver';
import { runTriggerE2e } from './trigger';

const CASES: E2eCase[] = [...EXAMPLE_CASES, ...INTEGRATION_CASES, ...RESOURCE_CASES];

/**
 * `npm run e2e [-- --versions v1,v2]`: packs the package, installs the tarball into a real n8n
 * (1.x on Node 20, 2.x on Node 24) as a user install, imports a credential pointing at the
 * simulator (and an SMTP credential pointing at a mail receiver on loopback) and the workflows of
 * examples/ (plus the copies some cases make at test time), runs each with `n8n execute`, and checks
 * the CLI's result and what the simulator and the mail receiver received. Then the AI Agent with a
 * scripted model (agent.ts), the MCP Server Trigger (mcp.ts) and the trigger (trigger.ts).
 */
const timings: Array<[string, number]> = [];

/** Runs after which n8n crashed at exit (see exitOf): reported, not hidden. */
const crashes: string[] = [];

function noteCrash(label: string, what: string) {
	crashes.push(`${label}: ${what}`);
	console.log('  note: n8n crashed (SIGSEGV) at exit after the run had finished; judged by the finished run');
}

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
	const home = new N8nHome(install, join(scratch, `home-${label}`));
	await phase(`${label}: install the package tarball`, () => installPackage(home, tarball));

	const simulator = new UMeetingSimulator();
	await simulator.start();
	const smtp = new SmtpReceiver();
	await smtp.start();
	try {
		// Copies of examples that some cases run instead of the example (E2eCase.variant) or use
		// otherwise (E2eCase.alsoImport), made at test time and imported with the examples.
		const variants = new Map<E2eCase, ExampleWorkflow>();
		const copies: ExampleWorkflow[] = [];
		for (const testCase of CASES) {
			const copy = testCase.variant?.make(readExample(testCase.file), label);
			if (copy) variants.set(testCase, copy);
			copies.push(...(copy ? [copy] : []), ...(testCase.alsoImport?.(readExample(testCase.file)) ?? []));
		}
		const imports = await phase(`${label}: import credentials and workflows`, () =>
			importSetup(home, simulator, [...new Set(CASES.map((c) => c.file))], {
				credentials: [smtp.credential(SMTP_CREDENTIAL.id, SMTP_CREDENTIAL.name)],
				workflows: copies,
			}),
		);
		const context: E2eContext = {
			label,
			home,
			simulator,
			smtp,
			imports,
			noteCrash: (what) => noteCrash(label, what),
		};
		for (const testCase of CASES) {
			const id = variants.get(testCase)?.id ?? readExample(testCase.file).id;
			const title = testCase.title ?? testCase.file;
			simulator.reset();
			smtp.reset();
			testCase.arrange?.(simulator);
			checks.within(`${label} ${title}`);
			if (testCase.expectExit === 'import only') {
				await phase(`${label}: ${title}`, async () =>
					testCase.verify(imports.workflows, simulator, checks, context),
				);
				continue;
			}
			const result = await phase(`${label}: ${title}`, () =>
				home.n8n(['execute', `--id=${id}`, '--rawOutput']),
			);
			home.writeJson(`${title.replace(/\W+/g, '-')}.out.json`, {
				code: result.code,
				stdout: result.stdout,
				stderr: result.stderr,
			});
			const exit = exitOf(result);
			if (exit.crashedAfterRun) noteCrash(label, title);
			checks.equal(exit.code, testCase.expectExit, `n8n execute exits ${testCase.expectExit}`);
			if (exit.code !== testCase.expectExit)
				console.log(result.stdout.slice(-3000), result.stderr.slice(-3000));
			const log = `${result.stdout}${result.stderr}`;
			checks.that(
				!log.includes(simulator.apiSecret),
				"the API secret appears nowhere in n8n's output or log",
			);
			checks.that(!log.includes(smtp.password), "the SMTP password appears nowhere in n8n's output or log");
			await testCase.verify(result, simulator, checks, context);
		}
		// Both versions ship n8n's AI Agent, OpenAI Chat Model and MCP Server Trigger (1.88+): no skips.
		await phase(`${label}: AI Agent with the UMeeting tools and a scripted model (n8n execute)`, () =>
			runAgentE2e({ label, home, simulator, checks }),
		);
		// Before the trigger's phase: that one leaves polling workflows active in this user folder.
		await phase(`${label}: MCP Server Trigger with the UMeeting tools (n8n start, MCP client)`, () =>
			runMcpE2e({ label, home, simulator, checks }),
		);
		// The trigger needs a running n8n (`n8n start`) rather than `n8n execute`: see trigger.ts.
		await phase(
			`${label}: UMeeting Trigger (manual runs over REST, an activated workflow in n8n start)`,
			() => runTriggerE2e({ label, home, checks, smtp }),
		);
	} finally {
		await smtp.stop();
		await simulator.stop();
	}
}

async function main() {
	const at = process.argv.indexOf('--versions');
	const labels = at >= 0 ? process.argv[at + 1].split(',') : ['v1', 'v2'];
	const checks = new Checks();
	const tarball = await phase('build and pack', pack);
	const perVersion: string[] = [];
	for (const label of labels) {
		const [passed, failed] = [checks.passed, checks.failures.length];
		await runVersion(label, tarball, checks);
		perVersion.push(`${label}: ${checks.passed - passed} passed, ${checks.failures.length - failed} failed`);
	}

	console.log('\nPhase timings:');
	for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
	if (crashes.length) {
		console.log(
			`\nn8n crashed at exit after a finished run (SIGSEGV, isolated-vm expression engine): ${crashes.length}x`,
		);
		for (const crash of crashes) console.log(`  - ${crash}`);
	}
	if (checks.failures.length) {
		console.log('\nFailures:');
		for (const failure of checks.failures) console.log(`  - ${failure}`);
	}
	console.log(`\ne2e: ${checks.passed} passed, ${checks.failures.length} failed (${perVersion.join('; ')})`);
	process.exit(checks.failures.length ? 1 : 0);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
