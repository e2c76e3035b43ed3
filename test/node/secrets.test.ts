/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { LoggerProxy, type Logger, type LogMetadata } from 'n8n-workflow';

import { testCredential } from '../helpers/credentialTest';
import { runUMeeting, type RunResult } from '../helpers/engine';
import { closedPort } from '../helpers/ports';
import { useSimulator } from '../helpers/simulator';
import type { StoredMeeting } from '../simulator/meetings';

/**
 * Runs failing cases and searches every string they produce (output items, errors with their
 * descriptions and details, the whole execution record n8n keeps, and everything written to
 * stdout/stderr, where n8n's logger writes) for the API secret, also URL-encoded.
 */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const SECRET = 'top/secret+value=42';
const { simulator, credentials } = useSimulator({ apiSecret: SECRET });

const parameters = {
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Secret check',
	meetingCapacity: 3,
	startTime: '2026-12-01T10:00:00',
	duration: 45,
	options: { timeout: 300 },
};

let written: string[] = [];
const originals = {
	out: process.stdout.write.bind(process.stdout),
	err: process.stderr.write.bind(process.stderr),
};

beforeEach(() => {
	written = [];
	process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		written.push(String(chunk));
		return (originals.out as (...a: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stdout.write;
	process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		written.push(String(chunk));
		return (originals.err as (...a: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stderr.write;
});

afterEach(() => {
	process.stdout.write = originals.out;
	process.stderr.write = originals.err;
});

function expectNoSecretIn(...values: unknown[]) {
	const text = [...values.map((v) => JSON.stringify(v)), ...written].join('\n');
	for (const form of [SECRET, encodeURIComponent(SECRET), SECRET.replace(/\//g, '\\/')]) {
		expect(text).not.toContain(form);
	}
}

const failures: Array<[string, () => void]> = [
	[
		'the service echoes the secret in its message',
		() =>
			simulator.injectFault({ type: 'bodyStatus', status: 401, message: `api_secret ${SECRET} is wrong` }),
	],
	[
		'an HTTP 500 page quoting the request body',
		() =>
			simulator.injectFault({
				type: 'http',
				status: 500,
				body: `<pre>api_key=demo-key&api_secret=${encodeURIComponent(SECRET)}</pre>`,
			}),
	],
	[
		'a 200 answer quoting the secret that is not JSON',
		() => simulator.injectFault({ type: 'http', status: 200, body: `echo api_secret=${SECRET}` }),
	],
	['a dropped connection', () => simulator.injectFault({ type: 'drop' })],
	['a timeout', () => simulator.injectFault({ type: 'slow', delayMs: 800 })],
	[
		'data that fails validation while quoting the secret',
		() =>
			simulator.injectFault({
				type: 'http',
				status: 200,
				body: JSON.stringify({ status: 200, data: { meeting_id: SECRET } }),
			}),
	],
];

test.each(failures)(
	'%s: the secret appears nowhere, with or without Continue On Fail',
	async (_name, arrange) => {
		arrange();
		const failed = await runUMeeting({ credentials: credentials(), parameters });
		expect(failed.error).toBeDefined();
		arrange();
		const continued = await runUMeeting({ credentials: credentials(), parameters, continueOnFail: true });
		expect(continued.output![0].json.error).toEqual(expect.any(String));
		expectNoSecretIn(failed.run, failed.error, continued.run, continued.output);
	},
);

test('a wrong secret: run error and credential test message carry no secret', async () => {
	const wrong = { ...credentials(), apiSecret: `${SECRET}-old` };
	const failed = await runUMeeting({ credentials: wrong, parameters });
	const tested = await testCredential(wrong);
	expect(tested.status).toBe('Error');
	expectNoSecretIn(failed.run, failed.error, tested);
	expect(JSON.stringify([failed.run, tested])).not.toContain(`${SECRET}-old`);
});

describe("n8n's logger (LoggerProxy) at debug level", () => {
	interface Entry {
		level: string;
		message: string;
		/** The message and every text and number reachable from the metadata. */
		text: string;
	}
	const entries: Entry[] = [];
	const LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'] as const;
	const PROBE = 'umeeting-logger-probe';
	/** What LoggerProxy called before this block: restored afterwards. */
	const previous = { ...LoggerProxy };

	/** Every string and number reachable from a value, Errors' own non-enumerable fields (message, stack, cause) included. */
	function reachableText(value: unknown, seen = new Set<unknown>()): string[] {
		if (typeof value === 'string') return [value];
		if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
		if (typeof value !== 'object' || value === null || seen.has(value)) return [];
		seen.add(value);
		const keys = new Set([
			...Object.getOwnPropertyNames(value),
			'message',
			'description',
			'cause',
			'context',
		]);
		return [...keys].flatMap((key) => {
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				return [];
			}
			return reachableText(child, seen);
		});
	}

	const capturing = Object.fromEntries(
		LEVELS.map((level) => [
			level,
			(message: string, metadata?: LogMetadata) => {
				let json = '';
				try {
					json = JSON.stringify(metadata) ?? '';
				} catch {
					// Circular metadata: the walk below still reaches every text in it.
				}
				entries.push({ level, message, text: [message, json, ...reachableText(metadata)].join('\n') });
			},
		]),
	) as unknown as Logger;

	beforeAll(() => LoggerProxy.init(capturing));
	afterAll(() => LoggerProxy.init(previous as unknown as Logger));
	beforeEach(() => {
		entries.length = 0;
	});

	/** LoggerProxy still reaches the capturing logger (nothing re-initialised it during the run). */
	function expectStillCapturing() {
		LoggerProxy.debug(PROBE);
		expect(entries.at(-1)?.message).toBe(PROBE);
		entries.pop();
	}

	const secretForms = [SECRET, encodeURIComponent(SECRET), SECRET.replace(/\//g, '\\/')];

	function expectNothingSecretLogged(meetings: StoredMeeting[] = []) {
		expect(entries.length).toBeGreaterThan(0);
		const logged = entries.map((entry) => entry.text).join('\n');
		for (const form of secretForms) expect(logged).not.toContain(form);
		// The form body as sent: the key, then the secret next to it.
		expect(logged).not.toContain(`api_key=${simulator.apiKey}&api_secret=${encodeURIComponent(SECRET)}`);
		expect(logged).not.toMatch(/api_secret=(?!\*\*\*)[^&\s"<]/);
		for (const meeting of meetings) {
			expect(logged).not.toContain(meeting.start_url);
			expect(logged).not.toContain(meeting.token);
			expect(logged).not.toMatch(new RegExp(`(?<!\\d)${meeting.host_key}(?!\\d)`));
		}
		expect(logged).not.toContain('zak=');
	}

	const run = (extra: Partial<Parameters<typeof runUMeeting>[0]> = {}): Promise<RunResult> =>
		runUMeeting({ credentials: credentials(), parameters, ...extra });

	test('failing and succeeding runs: entries are logged, none carries a secret', async () => {
		const meetings: StoredMeeting[] = [];
		const echoed = `<pre>api_key=${simulator.apiKey}&api_secret=${encodeURIComponent(SECRET)} (${SECRET})</pre>`;

		// A run that books a meeting (host secrets in its output), then reads its host token and start URL.
		const booked = await run();
		expect(booked.error).toBeUndefined();
		const meeting = simulator.store.get(String(booked.output![0].json.meeting_id))!;
		meetings.push(meeting);
		expect(booked.output![0].json.token).toBe(meeting.token);
		const byId = { __rl: true, mode: 'id', value: meeting.id };
		const token = await run({ parameters: { resource: 'meeting', operation: 'getToken', meetingId: byId } });
		expect(token.output![0].json.token).toBe(meeting.token);
		simulator.setNow(new Date(new Date(meeting.start_instant).getTime() - 5 * 60_000));
		const startUrl = await run({
			parameters: { resource: 'meeting', operation: 'getStartUrl', meetingId: byId },
		});
		expect(startUrl.output![0].json.start_url).toBe(meeting.start_url);
		expectStillCapturing();

		// Item 0 is booked, item 1 gets an HTTP 500 that echoes the secret: the run fails.
		simulator.injectFault(
			{ type: 'http', status: 500, body: echoed },
			{ path: '/umeeting/share/schedule', skip: 1 },
		);
		const halfDone = await run({
			items: [{}, {}],
			parameters: { ...parameters, options: { maxParallel: 1 } },
		});
		expect(halfDone.error?.message).toMatch(/answered HTTP 500/);
		meetings.push(...simulator.store.all().filter((m) => !meetings.includes(m)));
		expect(meetings).toHaveLength(2);

		// The same with Continue On Fail.
		simulator.injectFault({ type: 'http', status: 500, body: echoed }, { path: '/umeeting/share/schedule' });
		const continued = await run({ continueOnFail: true });
		expect(continued.output![0].json.error).toMatch(/answered HTTP 500/);

		// The service echoes the secret in a refusal.
		simulator.injectFault({ type: 'bodyStatus', status: 401, message: `api_secret ${SECRET} is wrong` });
		expect((await run()).error).toBeDefined();

		// A bad item: nothing is sent.
		const before = simulator.requests.length;
		const bad = await run({ parameters: { ...parameters, meetingCapacity: '={{ "many" }}' } });
		expect(bad.error?.name).toBe('NodeOperationError');
		expect(simulator.requests).toHaveLength(before);

		// A network failure: nothing listens on the Base URL's port.
		const port = await closedPort();
		const network = await run({ credentials: { ...credentials(), baseUrl: `http://127.0.0.1:${port}` } });
		expect(network.error?.message).toMatch(/connection was refused/);

		expectStillCapturing();
		// The failures were logged with their errors: what is searched below includes the error texts.
		const logged = entries.map((entry) => entry.text).join('\n');
		expect(entries.some((entry) => entry.level === 'debug')).toBe(true);
		expect(logged).toContain('Workflow execution finished with error');
		expect(logged).toMatch(/answered HTTP 500/);
		expect(logged).toMatch(/connection was refused/);
		expectNothingSecretLogged(meetings);
	});

	test('a host token in a malformed share/token answer reaches neither the error nor the log', async () => {
		const booked = await run();
		const meeting = simulator.store.get(String(booked.output![0].json.meeting_id))!;
		// A token the service gives as a number does not pass the answer check.
		const numericToken = 987_654_321_987_654;
		simulator.injectFault(
			{
				type: 'http',
				status: 200,
				body: JSON.stringify({
					status: 200,
					message: 'OK',
					data: { host_id: meeting.host_id, token: numericToken },
				}),
			},
			{ path: '/umeeting/share/token' },
		);
		entries.length = 0;
		const failed = await run({
			parameters: {
				resource: 'meeting',
				operation: 'getToken',
				meetingId: { __rl: true, mode: 'id', value: meeting.id },
			},
		});
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error!.message).toMatch(/share\/token/);
		expect(entries.length).toBeGreaterThan(0);
		const texts = [
			entries.map((entry) => entry.text).join('\n'),
			JSON.stringify(failed.run),
			failed.error!.message,
		];
		for (const text of texts) expect(text).not.toContain(String(numericToken));
	});
});
