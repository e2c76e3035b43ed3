/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { Checks } from './checks';
import { type ExampleWorkflow, readExample, simulatorCredential, runPartAlone } from './harness';
import { SMTP_CREDENTIAL } from './integrationCases';
import { freePort, N8nHome } from './n8nCli';
import { SmtpReceiver } from './smtpReceiver';
import { bookBurst, runBurst } from './triggerBurst';

/**
 * The UMeeting Trigger in real n8n, 1.x and 2.x, with the package installed from its tarball:
 *
 * - **Manual run.** `n8n execute` cannot run it: it starts only from a Manual Trigger (or an Execute
 *   Workflow Trigger) and stops with "Missing node to start execution" for a workflow that starts
 *   with a polling trigger (checked below). The editor's manual run ("Fetch Test Event", "Test
 *   workflow") is n8n's REST route POST /rest/workflows/:id/run with the trigger as
 *   triggerToStartFrom, which runs the trigger's poll in manual mode: the suite calls that route on
 *   a running `n8n start`, logged in as the owner it sets up, and reads the execution back.
 * - **Activated workflow.** `n8n start` with a workflow made active by the CLI (1.x
 *   `update:workflow --active=true`, 2.x `publish:workflow`), polling every minute (Poll Times
 *   "Every Minute", the shortest interval n8n offers: "Every X" takes minutes or hours only, and n8n
 *   refuses a cron expression with a `*` in its seconds field). Each event goes through an HTTP
 *   Request node to a receiver on loopback run here. The suite books a meeting with cloud recording
 *   in its own simulator, moves the simulator's clock so that the meeting starts and then ends, and
 *   checks that each event arrives exactly once (Scheduled, Started, Ended, Recording Ready), also
 *   after n8n restarts and polls again from the state it saved. The example
 *   `meeting-ended-participants-email.json` runs active alongside, and its mail to the organizer
 *   (who attended) arrives once at the SMTP receiver.
 * - **Burst.** In the same `n8n start`, after the restart: 300 meetings end within one poll
 *   interval while 60 are cancelled, and each is reported once (triggerBurst.ts).
 *
 * Everything it starts (n8n, the simulator, the receivers) is stopped again, also on failure.
 */

const TRIGGER_CREDENTIAL = { id: 'umeetingTrigSim1', name: 'UMeeting (trigger simulator)' };
const TRIGGER_TYPE = 'n8n-nodes-umeeting.uMeetingTrigger';
const EXAMPLE = 'meeting-ended-participants-email.json';
const IDS = {
	active: 'umTrigE2eActive1',
	nothingYet: 'umTrigE2eManual1',
	sample: 'umTrigE2eManual2',
	example: 'umTrigE2eMail001',
};
const OWNER = {
	email: 'e2e@umeeting.local',
	firstName: 'E2E',
	lastName: 'Owner',
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
	password: 'UMeeting-e2e-2026',
};
const BROWSER_ID = 'umeeting-trigger-e2e';
/** Longest wait for one poll every minute (n8n picks a random second of each minute). */
export const POLL_WAIT_MS = 150_000;

export interface TriggerE2eOptions {
	label: string;
	home: N8nHome;
	checks: Checks;
	smtp: SmtpReceiver;
	log?: (line: string) => void;
}

/** One HTTP POST the workflows made to the receiver. */
interface Posted {
	path: string;
	body: Record<string, unknown>;
	at: number;
}

/** Collects what n8n's HTTP Request nodes post: one JSON body per request. */
export class PostReceiver {
	readonly posted: Posted[] = [];

	private server?: Server;

	url = '';

	async start() {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				let body: Record<string, unknown> = {};
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
				} catch {
					body = { unparsed: Buffer.concat(chunks).toString('utf8') };
				}
				this.posted.push({ path: req.url ?? '', body, at: Date.now() });
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	at(path: string) {
		return this.posted.filter((post) => post.path === path);
	}

	async stop() {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

function triggerNode(name: string, parameters: Record<string, unknown>) {
	return {
		id: `t-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: { uMeetingApi: TRIGGER_CREDENTIAL },
	};
}

/** A workflow: the trigger, then an HTTP Request node posting each item to `url`. */
export function postingWorkflow(
	id: string,
	name: string,
	trigger: Record<string, unknown>,
	url: string,
): ExampleWorkflow {
	return {
		id,
		name,
		active: false,
		nodes: [
			triggerNode('UMeeting Trigger', trigger),
			{
				id: `p-${id}`,
				name: 'Post to the test',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
					options: {},
				},
			},
		],
		connections: {
			'UMeeting Trigger': { main: [[{ node: 'Post to the test', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', timezone: 'Europe/Berlin' },
	};
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(
	what: string,
	timeoutMs: number,
	probe: () => T | undefined | false,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(250);
	}
}

/**
 * `n8n start` (or another long-running n8n command, such as `worker`, with `command`) in its own
 * process group, so that stopping it also stops the task runners it started. `env` is added to the
 * user folder's environment.
 */
export class N8nServer {
	private child?: ChildProcess;

	output = '';

	constructor(
		private readonly home: N8nHome,
		readonly port: number,
		private readonly brokerPort: number,
		private readonly options: { command?: string[]; env?: NodeJS.ProcessEnv } = {},
	) {}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	start() {
		const command = this.options.command ?? ['start'];
		this.child = spawn(this.home.install.node, [this.home.install.cli, ...command], {
			env: {
				...this.home.env,
				N8N_PORT: String(this.port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_SECURE_COOKIE: 'false',
				N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
				N8N_LOG_LEVEL: 'debug',
				...this.options.env,
			},
			cwd: this.home.folder,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child.stdout?.on('data', (chunk) => (this.output += chunk));
		this.child.stderr?.on('data', (chunk) => (this.output += chunk));
	}

	get exited() {
		return this.child?.exitCode !== null && this.child?.exitCode !== undefined;
	}

	/** Sends `signal` to the whole process group at once (no wait): a crash, or the last resort at exit. */
	kill(signal: NodeJS.Signals) {
		const pid = this.child?.pid;
		if (!pid || this.child?.exitCode !== null || this.child?.signalCode !== null) return;
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	}

	async stop() {
		const child = this.child;
		if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		const group = -child.pid;
		try {
			process.kill(group, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(group, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 20_000);
		await exited;
		clearTimeout(timer);
	}
}

/** The REST API of a running n8n, logged in as its owner (set up here: a fresh user folder has none). */
class Rest {
	private cookie = '';

	constructor(private readonly base: string) {}

	async setUpOwner() {
		const deadline = Date.now() + 120_000;
		for (;;) {
			// n8n activates the workflows before its REST routes answer; until then: refused or 404.
			const response = await fetch(`${this.base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify(OWNER),
			}).catch(() => undefined);
			if (!response) {
				if (Date.now() > deadline) throw new Error('the REST API of n8n did not come up');
				await sleep(500);
				continue;
			}
			if (response.ok) {
				this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
				return;
			}
			if (response.status !== 404 || Date.now() > deadline)
				throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
			await sleep(500);
		}
	}

	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	async call(method: string, path: string, body?: unknown): Promise<any> {
		const response = await fetch(`${this.base}/rest${path}`, {
			method,
			headers: {
				'Content-Type': 'application/json',
				'browser-id': BROWSER_ID,
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data?: unknown }).data;
	}
}

/**
 * The editor's manual run of a workflow from its trigger: 1.x takes the workflow in the body, 2.x
 * reads it from the database. Returns the finished execution's run data.
 */
async function manualRun(
	rest: Rest,
	workflow: ExampleWorkflow,
	triggerName: string,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	flatted: { parse(text: string): any },
) {
	const started = await rest.call('POST', `/workflows/${workflow.id}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: triggerName },
	});
	const executionId = String(started?.executionId ?? '');
	if (!executionId) throw new Error(`the manual run started no execution: ${JSON.stringify(started)}`);
	const deadline = Date.now() + 60_000;
	for (;;) {
		const execution = await rest.call('GET', `/executions/${executionId}`);
		if (
			execution &&
			execution.finished !== undefined &&
			!['new', 'running', 'waiting'].includes(execution.status)
		) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
			return { status: String(execution.status), data: flatted.parse(execution.data) as any };
		}
		if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish`);
		await sleep(500);
	}
}

/** The polls so far, as their first request: page 1 of the live list (a long list has more pages). */
export function pollStarts(simulator: UMeetingSimulator) {
	return simulator.requestsTo('share/list').filter((request) => request.form.page_number === '1');
}

function serviceText(time: Date) {
	const shanghai = new Date(time.getTime() + 8 * 3_600_000);
	return shanghai.toISOString().slice(0, 19).replace('T', ' ');
}

/** Books a meeting (with cloud recording unless told) straight at the simulator (as another UMeeting user would); returns its id. */
export async function bookMeeting(
	simulator: UMeetingSimulator,
	start: Date,
	topic: string,
	duration = 31,
	recording: 'cloud' | 'none' = 'cloud',
) {
	const response = await fetch(`${simulator.url}/umeeting/share/schedule`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
			topic,
			meeting_capacity: '10',
			start_time: serviceText(start).slice(0, 17) + '00',
			duration: String(duration),
			recording,
			host_name: 'Wang Fang',
		}),
	});
	return ((await response.json()) as { data: { meeting_id: string } }).data.meeting_id;
}

export async function runTriggerE2e(options: TriggerE2eOptions) {
	const { label, home, checks, smtp } = options;
	const log = options.log ?? ((line: string) => console.log(`  ${line}`));
	// The service's clock runs with the real one, shifted by what the suite moves it on.
	let shift = 0;
	const simulator = new UMeetingSimulator({
		lifecycleFollowsClock: true,
		now: () => new Date(Date.now() + shift),
	});
	const receiver = new PostReceiver();
	let n8n: N8nServer | undefined;
	checks.within(`${label} UMeeting Trigger`);
	try {
		await simulator.start();
		await receiver.start();
		smtp.reset();

		const active = postingWorkflow(
			IDS.active,
			'UMeeting Trigger e2e: every event',
			{
				events: ['meetingScheduled', 'meetingStarted', 'meetingEnded', 'meetingCancelled', 'recordingReady'],
			},
			`${receiver.url}/events`,
		);
		const nothingYet = postingWorkflow(
			IDS.nothingYet,
			'UMeeting Trigger e2e: manual, nothing yet',
			{ events: ['meetingCancelled'] },
			`${receiver.url}/manual`,
		);
		const sample = postingWorkflow(
			IDS.sample,
			'UMeeting Trigger e2e: manual sample',
			{ events: ['meetingScheduled'] },
			`${receiver.url}/manual`,
		);
		const example = readExample(EXAMPLE);
		example.id = IDS.example;
		example.name = `${example.name} (e2e)`;
		for (const node of example.nodes) {
			if ((node.credentials as Record<string, unknown> | undefined)?.uMeetingApi)
				node.credentials = { uMeetingApi: TRIGGER_CREDENTIAL };
			if (node.type === 'n8n-nodes-base.emailSend') node.credentials = { smtp: SMTP_CREDENTIAL };
		}

		const credentials = home.writeJson('trigger-credentials.json', [
			simulatorCredential(simulator, TRIGGER_CREDENTIAL),
		]);
		const imported = await home.n8n(['import:credentials', `--input=${credentials}`]);
		checks.equal(imported.code, 0, 'the trigger credential is imported');
		const workflows = home.writeJson('trigger-workflows.json', [active, nothingYet, sample, example]);
		const importedWorkflows = await home.n8n(['import:workflow', `--input=${workflows}`]);
		checks.equal(importedWorkflows.code, 0, 'the trigger workflows are imported');

		// n8n execute and a polling trigger.
		const executed = await home.n8n(['execute', `--id=${IDS.sample}`, '--rawOutput']);
		checks.that(
			executed.code === 1 && /Missing node to start execution/.test(`${executed.stdout}${executed.stderr}`),
			'n8n execute does not run a workflow that starts with a polling trigger ("Missing node to start execution")',
			{ code: executed.code, tail: `${executed.stdout}${executed.stderr}`.slice(-400) },
		);
		checks.equal(simulator.requests.length, 0, 'n8n execute sent nothing to UMeeting');

		for (const id of [IDS.active, IDS.example]) {
			const activated = await home.n8n(
				label === 'v1'
					? ['update:workflow', `--id=${id}`, '--active=true']
					: ['publish:workflow', `--id=${id}`],
			);
			checks.equal(activated.code, 0, `workflow ${id} is activated from the CLI`);
		}

		n8n = new N8nServer(home, await freePort(), await freePort());
		const startedAt = Date.now();
		n8n.start();
		const listCalls = () => pollStarts(simulator).length;
		// Both active workflows poll once when n8n activates them: that poll records the present.
		await waitFor('the activation polls', 120_000, () => {
			if (n8n!.exited) throw new Error(`n8n exited:\n${n8n!.output.slice(-3000)}`);
			return listCalls() >= 2;
		});
		log(`n8n up and both workflows activated after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
		checks.equal(receiver.posted.length, 0, 'the activation poll reports nothing');

		const rest = new Rest(n8n.url);
		await rest.setUpOwner();
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's own copy of flatted, found at run time in the n8n install under test
		const flatted = require(join(home.install.cli, '..', '..', '..', 'flatted')) as {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
			parse(text: string): any;
		};

		// Manual run without a matching meeting: the clear error.
		const none = await manualRun(rest, nothingYet, 'UMeeting Trigger', flatted);
		const noneError =
			none.data?.resultData?.error?.message ??
			none.data?.resultData?.runData?.['UMeeting Trigger']?.[0]?.error?.message;
		checks.equal(none.status, 'error', 'a manual run with no matching meeting fails');
		checks.equal(noneError, 'No meeting matches yet', 'its error is "No meeting matches yet"');
		checks.equal(receiver.at('/manual').length, 0, 'and nothing goes on to the next node');

		// A meeting is booked (cloud recording, starting in 10 minutes of the service's clock).
		const start = new Date(Date.now() + shift + 10 * 60_000);
		const booked = await bookMeeting(simulator, start, 'Trigger e2e review');
		log(`booked meeting ${booked}`);

		// Manual run with a match: the sample goes on to the HTTP Request node.
		const sampled = await manualRun(rest, sample, 'UMeeting Trigger', flatted);
		checks.equal(sampled.status, 'success', 'a manual run with a matching meeting succeeds');
		const manualPosts = receiver.at('/manual');
		checks.equal(manualPosts.length, 1, 'the manual run gives one sample item');
		checks.equal(manualPosts[0]?.body.event, 'meetingScheduled', 'the sample is the Meeting Scheduled event');
		checks.equal(manualPosts[0]?.body.meeting_id, booked, 'of the meeting just booked');

		// The meeting starts: the service's clock moves to a minute after its start.
		shift += 11 * 60_000;
		// This meeting's events: the burst at the end adds others.
		const events = () =>
			receiver
				.at('/events')
				.filter((post) => post.body.meeting_id === booked)
				.map((post) => `${String(post.body.event)} ${String(post.body.meeting_id)}`);
		await waitFor('Meeting Scheduled and Meeting Started', POLL_WAIT_MS, () => events().length >= 2);
		checks.equal(
			events(),
			[`meetingScheduled ${booked}`, `meetingStarted ${booked}`],
			'the active workflow reports Meeting Scheduled, then Meeting Started',
		);

		// The meeting ends: the clock moves past its end; the recording is there at once.
		shift += 31 * 60_000;
		await waitFor('Meeting Ended and Recording Ready', POLL_WAIT_MS, () => events().length >= 4);
		await waitFor('the mail of the example', 60_000, () => smtp.mails.length >= 1);
		// n8n stops and starts again: both workflows poll at once on activation, from the state n8n
		// saved in its database. Nothing arrives twice (the restart is also quicker than a minute).
		await n8n.stop();
		const firstOutput = n8n.output;
		home.writeFile('trigger-n8n-first.log', firstOutput);
		const restartPoll = listCalls();
		// Booked while n8n is down, the burst's meetings are in the live list at the poll of the restart.
		const burst = await bookBurst(simulator);
		n8n = new N8nServer(home, await freePort(), await freePort());
		const restartedAt = Date.now();
		n8n.start();
		await waitFor('the polls after the restart', 120_000, () => {
			if (n8n!.exited) throw new Error(`n8n exited:\n${n8n!.output.slice(-3000)}`);
			return listCalls() >= restartPoll + 2;
		});
		log(`n8n restarted and polled after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);
		await sleep(5_000);
		checks.equal(
			events(),
			[
				`meetingScheduled ${booked}`,
				`meetingStarted ${booked}`,
				`meetingEnded ${booked}`,
				`recordingReady ${booked}`,
			],
			'each event arrives exactly once, in order (also after n8n restarted and polled again)',
		);
		const posted = receiver.at('/events').map((post) => post.body);
		const ended = posted.find((body) => body.event === 'meetingEnded');
		checks.equal(ended?.time_zone, 'Europe/Berlin', "the event's times are in the workflow's zone");
		checks.equal(
			Date.parse(String(ended?.start_time_iso)),
			Date.parse(simulator.store.get(booked)!.start_instant),
			'start_time_iso is the instant UMeeting stored',
		);
		checks.that(!('host_key' in (ended ?? {})), 'host_key is left out by default');
		const ready = posted.find((body) => body.event === 'recordingReady');
		checks.equal(
			(ready?.recordings as unknown[] | undefined)?.length,
			2,
			'Recording Ready carries the two recorded files',
		);
		checks.equal(smtp.mails.length, 1, 'the example mails the organizer once');
		const attendees = simulator.store
			.get(booked)!
			.sessions![0].participants.map((person) => person.user_name);
		const mail = smtp.mails[0]?.parsed;
		checks.that(
			mail?.subject === 'Attendance: Trigger e2e review' &&
				attendees.every((name) => (mail?.text ?? '').includes(`- ${name} (`)),
			"the example's mail names the meeting and every attendee",
			{ subject: mail?.subject, text: mail?.text, attendees },
		);
		await runBurst({ simulator, receiver, smtp, checks, log, moveClock: (ms) => (shift += ms) }, burst);
		checks.that(
			!`${firstOutput}${n8n.output}`.includes(simulator.apiSecret),
			"the API secret appears nowhere in n8n's output or log",
		);
	} finally {
		await n8n?.stop();
		await receiver.stop();
		await simulator.stop();
		if (n8n) home.writeFile('trigger-n8n.log', n8n.output);
	}
}

/** `ts-node scripts/e2e/trigger.ts [v1|v2 …]`: this part of the suite alone. */
if (require.main === module)
	runPartAlone('trigger', async (label, home, checks) => {
		const smtp = new SmtpReceiver();
		await smtp.start();
		try {
			const smtpCredential = home.writeJson('smtp-credentials.json', [
				smtp.credential(SMTP_CREDENTIAL.id, SMTP_CREDENTIAL.name),
			]);
			await home.n8n(['import:credentials', `--input=${smtpCredential}`]);
			await runTriggerE2e({ label, home, checks, smtp });
		} finally {
			await smtp.stop();
		}
	});
