/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { DEV_OWNER, startDevEnvironment } from './dev/environment';
import { root } from './e2e/harness';

/**
 * `npm run screenshots`: opens the real n8n editor in Debian's Chromium, opens the "schedule one
 * meeting" example and its UMeeting node, checks the Schedule fields are shown with their labels,
 * runs the node from the editor against the simulator, and saves two screenshots to docs/images/.
 */
const FIELD_LABELS = [
	'Topic',
	'Meeting Capacity',
	'Start Time',
	'Duration (Minutes)',
	'Time Zone',
	'Additional Fields',
	'Recurrence',
];
const WORKFLOW_ID = 'umExScheduleOne1';
const images = join(root, 'docs', 'images');

async function main() {
	const environment = await startDevEnvironment(5690);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await signIn(page, environment.editorUrl);
		await page.goto(`${environment.editorUrl}/workflow/${WORKFLOW_ID}`);
		const panel = await openNode(page);
		for (const label of FIELD_LABELS) {
			await panel.getByText(label, { exact: false }).first().waitFor({ timeout: 10_000 });
		}
		mkdirSync(images, { recursive: true });
		await page.screenshot({ path: join(images, 'schedule-parameters.png') });
		console.log('Schedule fields shown with their labels; saved docs/images/schedule-parameters.png');

		await panel.locator('[data-test-id="node-execute-button"]').first().click();
		await panel.getByText('meeting_id', { exact: false }).first().waitFor({ timeout: 30_000 });
		if (environment.simulator.store.created !== 1) {
			throw new Error(`expected one meeting in the simulator, found ${environment.simulator.store.created}`);
		}
		await page.screenshot({ path: join(images, 'schedule-output.png') });
		console.log('Ran the node from the editor; saved docs/images/schedule-output.png');
	} finally {
		await browser.close();
		await environment.stop();
	}
}

/**
 * Opens the UMeeting node's panel. On a busy machine the canvas can draw the node before it reacts
 * to clicks, so the double-click is repeated until the panel shows.
 */
async function openNode(page: Page) {
	const node = page.locator('[data-test-id="canvas-node"][data-node-name="UMeeting"]');
	await node.waitFor({ timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	const panel = page.locator('[data-test-id="ndv"]');
	for (let attempt = 1; ; attempt++) {
		// The node's label sits under the canvas pane; the double-click is dispatched to the node itself.
		await node.dblclick({ force: true });
		try {
			await panel.waitFor({ timeout: 10_000 });
			return panel;
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a dev script, not a node: the error goes to the person running it
			if (attempt === 5) throw error;
		}
	}
}

async function signIn(page: Page, editorUrl: string) {
	await page.goto(`${editorUrl}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
		.first()
		.fill(DEV_OWNER.email);
	await page.locator('input[type="password"]').first().fill(DEV_OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
