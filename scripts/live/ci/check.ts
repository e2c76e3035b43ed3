/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UMeetingSimulator } from '../../../test/simulator';
import { findingLines, type Report } from '../report';
import type { LiveSettings } from '../settings';
import { CONTRACT_TOPIC } from '../writes';
import { EXPECTED_DRIFT } from './drift';
import { startDriftProxy } from './driftProxy';
import { seedAccount } from './seed';

/** The only read the suite leaves out on purpose (it answers a host login); see reads.ts. */
const SKIPPED_ON_PURPOSE = ['share/getStartUrl'];

/**
 * CI for `npm run test:live`: runs the suite, as a user does, against a seeded simulator on
 * loopback (everything must pass, nothing may be skipped but what is skipped on purpose, nothing
 * may be left behind, nothing secret may be printed), then against the same simulator behind a
 * proxy that drifts three answers: the report must then name exactly that drift and nothing else.
 */
async function main() {
	const simulator = new UMeetingSimulator();
	await simulator.start();
	const drifted = await startDriftProxy(simulator.url);
	const folder = mkdtempSync(join(tmpdir(), 'umeeting-live-'));
	const problems: string[] = [];
	try {
		const settings: LiveSettings = {
			apiKey: simulator.apiKey,
			apiSecret: simulator.apiSecret,
			baseUrl: simulator.url,
			serviceTimeZone: simulator.clock.zone,
			write: true,
		};
		const personalMeetingId = await seedAccount(settings);
		const run = (name: string, baseUrl: string) =>
			runSuite(name, { ...settings, baseUrl, personalMeetingId }, join(folder, `${name}.json`));

		const plain = await run('plain', simulator.url);
		if (plain.code !== 0) problems.push(`plain run: exit code ${plain.code}, expected 0`);
		const notPassed = plain.report.checks.filter(
			(check) =>
				check.outcome !== 'pass' &&
				!(check.outcome === 'skipped' && SKIPPED_ON_PURPOSE.includes(check.endpoint)),
		);
		for (const check of notPassed)
			problems.push(`plain run: ${check.endpoint} ${check.outcome}: ${check.detail}`);
		if (plain.report.leftBehind.length)
			problems.push(`plain run left behind: ${plain.report.leftBehind.join('; ')}`);
		const stillBooked = simulator.store
			.all()
			.filter((meeting) => meeting.topic === CONTRACT_TOPIC && meeting.status < 2);
		if (stillBooked.length)
			problems.push(`plain run: ${stillBooked.length} contract-check meeting(s) still booked`);

		const drift = await run('drifted', drifted.url);
		if (drift.code !== 1)
			problems.push(`drifted run: exit code ${drift.code}, expected 1 (the node refuses one answer)`);
		const before = new Set(plain.report.checks.flatMap(findingLines));
		const after = new Set(drift.report.checks.flatMap(findingLines));
		const added = [...after].filter((line) => !before.has(line));
		const gone = [...before].filter((line) => !after.has(line));
		problems.push(
			...mismatches(added, EXPECTED_DRIFT.added, 'reported'),
			...mismatches(gone, EXPECTED_DRIFT.gone, 'no longer reported'),
		);

		// Every secret handed out by now, the suite's own meetings' included.
		const secrets = [simulator.apiSecret, ...hostSecrets(simulator)];
		for (const [name, output] of [
			['plain', plain.output],
			['drifted', drift.output],
		])
			if (secrets.some((secret) => output.includes(secret))) problems.push(`${name} run printed a secret`);
	} finally {
		rmSync(folder, { recursive: true, force: true });
		await drifted.stop();
		await simulator.stop();
	}
	if (problems.length) {
		console.error(`\ntest:live CI check FAILED:\n${problems.map((line) => `  ${line}`).join('\n')}`);
		process.exit(1);
	}
	console.log(
		`\ntest:live CI check passed: the plain run passed every call; the drifted run reported exactly the drift:\n${EXPECTED_DRIFT.added.map((line) => `  + ${line}`).join('\n')}\n${EXPECTED_DRIFT.gone.map((line) => `  - ${line}`).join('\n')}`,
	);
}

/** `npm run test:live -- --write --json <file>` with the credential in the environment, as a user runs it. */
async function runSuite(
	name: string,
	settings: LiveSettings & { personalMeetingId: string },
	jsonFile: string,
) {
	console.log(`\n== test:live against the ${name} simulator (${settings.baseUrl})`);
	const env = {
		...process.env,
		UMEETING_API_KEY: settings.apiKey,
		UMEETING_API_SECRET: settings.apiSecret,
		UMEETING_BASE_URL: settings.baseUrl,
		UMEETING_SERVICE_TIME_ZONE: settings.serviceTimeZone,
		UMEETING_PERSONAL_MEETING_ID: settings.personalMeetingId,
	};
	const child = spawn('npm', ['run', '--silent', 'test:live', '--', '--write', '--json', jsonFile], {
		env,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		process.stdout.write(chunk);
	});
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { code, output, report: JSON.parse(readFileSync(jsonFile, 'utf8')) as Report };
}

/** Where the lines a drifted run changed are not exactly the expected ones, in both directions. */
function mismatches(changed: string[], expected: string[], verb: string): string[] {
	return [
		...expected
			.filter((line) => !changed.includes(line))
			.map((line) => `drifted run should have ${verb}: ${line}`),
		...changed
			.filter((line) => !expected.includes(line))
			.map((line) => `drifted run unexpectedly ${verb}: ${line}`),
	];
}

/** Every host secret the simulator handed out: none of them may appear in a report. */
function hostSecrets(simulator: UMeetingSimulator): string[] {
	return simulator.store
		.all()
		.flatMap((meeting) => [meeting.host_key, meeting.token, meeting.start_url, meeting.password])
		.filter((value): value is string => typeof value === 'string' && value.length >= 6);
}

void main();
