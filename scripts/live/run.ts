/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { writeFileSync } from 'node:fs';

import { checkReads } from './reads';
import { failed, printReport, Recorder, type Report } from './report';
import { readSettings, USAGE } from './settings';
import { checkWrites } from './writes';

/**
 * `npm run test:live [-- --write] [-- --json report.json]`: checks the UMeeting account named by
 * the environment against the node's answer schemas and prints a report that holds no secret.
 * Without a credential it says what to set and exits 0, so that a CI without one is not blocked.
 */
async function main(): Promise<number> {
	const read = readSettings(process.env, process.argv.slice(2));
	if (read.kind === 'skip') {
		console.log(`test:live skipped: ${read.missing.join(' and ')} not set.\n${USAGE}`);
		return 0;
	}
	if (read.kind === 'invalid') {
		console.error(`test:live: ${read.problem}`);
		return 2;
	}
	const { settings } = read;
	const recorder = new Recorder(settings);
	const { capacity } = await checkReads(recorder, settings);
	const leftBehind = settings.write ? await checkWrites(recorder, settings, capacity) : [];
	const report: Report = {
		baseUrl: settings.baseUrl,
		serviceTimeZone: settings.serviceTimeZone,
		write: settings.write,
		checks: recorder.checks,
		leftBehind,
	};
	printReport(report, (line) => console.log(line));
	if (settings.jsonFile) writeFileSync(settings.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
	return failed(report) ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		// Only the suite's own faults get here (every call's failure is a report line); never the settings.
		console.error(`test:live stopped: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	},
);
