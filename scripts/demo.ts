/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { join } from 'node:path';

import { UMeetingSimulator } from '../test/simulator';
import { umeetingItems } from './e2e/cases';
import { importSetup, installPackage, pack, prepare, readExample, scratch } from './e2e/harness';
import { N8nHome } from './e2e/n8nCli';

const EXAMPLE = 'schedule-one-meeting.json';

/**
 * `npm run demo`: the main job in one command. Starts the UMeeting simulator, installs this package
 * into a real n8n (1.x, prepared in .cache/ on the first run), runs the "schedule one meeting"
 * example workflow with `n8n execute`, and prints the meeting it created.
 */
async function main() {
	console.log('Building and packing n8n-nodes-umeeting…');
	const tarball = await pack();
	console.log('Preparing n8n 1.x in .cache/e2e (the first run installs it: a few minutes)…');
	const install = await prepare('v1', true);
	const home = new N8nHome(install, join(scratch, 'home-demo'));
	await installPackage(home, tarball);

	const simulator = new UMeetingSimulator();
	await simulator.start();
	console.log(`UMeeting simulator on ${simulator.url}`);
	try {
		await importSetup(home, simulator, [EXAMPLE]);
		const workflow = readExample(EXAMPLE);
		console.log(`Running "${workflow.name}" with n8n execute…`);
		const result = await home.n8n(['execute', `--id=${workflow.id}`, '--rawOutput']);
		const [item] = umeetingItems(result);
		if (result.code !== 0 || !item)
			throw new Error(`the workflow failed:\n${result.stdout}\n${result.stderr}`);

		const [request] = simulator.requests;
		console.log('\nForm body the node sent (secret masked):');
		console.log(`  ${request.rawBody.replace(/api_secret=[^&]*/, 'api_secret=***')}`);
		console.log('\nMeeting created:');
		console.log(`  meeting id  ${item.json.meeting_id}`);
		console.log(`  join URL    ${item.json.join_url}`);
		console.log(
			`  starts      ${item.json.start_time_iso} (${item.json.time_zone}, the workflow's time zone)`,
		);
		console.log(`  ends        ${item.json.end_time_iso}`);
		console.log(
			`  sent as     ${item.json.start_time} (${simulator.clock.zone}, the credential's Service Time Zone)`,
		);
		console.log('\nOutput item (start_url, token and host_key are host secrets):');
		console.log(JSON.stringify(item, null, 2));
	} finally {
		await simulator.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
