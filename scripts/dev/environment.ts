/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { importSetup, installPackage, pack, prepare, readExample, scratch } from '../e2e/harness';
import { N8nHome } from '../e2e/n8nCli';

/** Dev-only login of the local editor; never use these anywhere else. */
export const DEV_OWNER = {
	email: 'dev@umeeting.local',
	firstName: 'Dev',
	lastName: 'Owner',
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
	password: 'UMeeting-dev-2026',
};

export const EXAMPLE_FILES = [
	'schedule-one-meeting.json',
	'schedule-from-items.json',
	'recurring-meeting.json',
	'continue-on-fail.json',
	'stop-on-fail.json',
	'meeting-lifecycle.json',
	'form-to-invitation-email.json',
	'crm-webhook-to-google-calendar.json',
	'ai-agent-meeting-tool.json',
	'mcp-server-meeting-tools.json',
	'check-availability-then-schedule.json',
	'meeting-ended-participants-email.json',
	'meeting-ended-participants-recordings.json',
];

/** Dev-only bearer token of the MCP example's credential (MCP clients send it); never use it elsewhere. */
export const DEV_MCP_TOKEN = 'umeeting-dev-mcp-token';

export interface DevEnvironment {
	editorUrl: string;
	simulator: UMeetingSimulator;
	stop(): Promise<void>;
}

/**
 * A local n8n 1.x editor with this package installed from its tarball, a UMeeting credential
 * pointing at a fresh simulator, every example workflow imported (with a bearer credential for the
 * MCP server example) and the owner account set up.
 * The user folder (home-dev in the scratch folder, see harness.ts) is recreated on every start.
 */
export async function startDevEnvironment(
	port = 5678,
	log: (line: string) => void = console.log,
): Promise<DevEnvironment> {
	log('Building and packing n8n-nodes-umeeting…');
	const tarball = await pack();
	log('Preparing n8n 1.x in .cache/e2e (the first run installs it: a few minutes)…');
	const install = await prepare('v1', true);
	const home = new N8nHome(install, join(scratch, 'home-dev'));
	await installPackage(home, tarball);

	const simulator = new UMeetingSimulator();
	await simulator.start();
	log(`UMeeting simulator on ${simulator.url}`);
	const mcpCredential = readExample('mcp-server-meeting-tools.json').nodes[0].credentials as Record<
		string,
		{ id: string; name: string }
	>;
	await importSetup(home, simulator, EXAMPLE_FILES, {
		credentials: [
			{ ...mcpCredential.httpBearerAuth, type: 'httpBearerAuth', data: { token: DEV_MCP_TOKEN } },
		],
	});

	const editorUrl = `http://localhost:${port}`;
	const n8n = spawn(install.node, [install.cli, 'start'], {
		env: { ...home.env, N8N_PORT: String(port), N8N_HOST: 'localhost', N8N_SECURE_COOKIE: 'false' },
		cwd: home.folder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	n8n.stdout?.on('data', (chunk) => (output += chunk));
	n8n.stderr?.on('data', (chunk) => (output += chunk));
	const stop = async () => {
		await stopProcess(n8n);
		await simulator.stop();
	};
	try {
		log('Starting the n8n editor…');
		// /healthz answers before the REST routes exist; the settings route answers once they do.
		await waitUntilUp(`${editorUrl}/rest/settings`, n8n, () => output);
		await setUpOwner(editorUrl);
	} catch (error) {
		await stop();
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a dev script, not a node: the error goes to the person running it
		throw error;
	}
	return { editorUrl, simulator, stop };
}

async function waitUntilUp(url: string, n8n: ChildProcess, output: () => string) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (n8n.exitCode !== null) throw new Error(`n8n exited:\n${output()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not come up within 2 minutes:\n${output()}`);
}

/** On a busy machine the owner route can answer 404 for a moment after the settings route is up. */
async function setUpOwner(editorUrl: string) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const response = await fetch(`${editorUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(DEV_OWNER),
		});
		if (response.ok) return;
		if (response.status !== 404 || Date.now() > deadline) {
			throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

async function stopProcess(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}
