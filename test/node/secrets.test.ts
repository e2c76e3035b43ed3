import { testCredential } from '../helpers/credentialTest';
import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

/**
 * Runs failing cases and searches every string they produce (output items, errors with their
 * descriptions and details, the whole execution record n8n keeps, and everything written to
 * stdout/stderr, where n8n's logger writes) for the API secret, also URL-encoded.
 */
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
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

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
	['the service echoes the secret in its message', () => simulator.injectFault({ type: 'bodyStatus', status: 401, message: `api_secret ${SECRET} is wrong` })],
	['an HTTP 500 page quoting the request body', () => simulator.injectFault({ type: 'http', status: 500, body: `<pre>api_key=demo-key&api_secret=${encodeURIComponent(SECRET)}</pre>` })],
	['a 200 answer quoting the secret that is not JSON', () => simulator.injectFault({ type: 'http', status: 200, body: `echo api_secret=${SECRET}` })],
	['a dropped connection', () => simulator.injectFault({ type: 'drop' })],
	['a timeout', () => simulator.injectFault({ type: 'slow', delayMs: 800 })],
	['data that fails validation while quoting the secret', () => simulator.injectFault({ type: 'http', status: 200, body: JSON.stringify({ status: 200, data: { meeting_id: SECRET } }) })],
];

test.each(failures)('%s: the secret appears nowhere, with or without Continue On Fail', async (_name, arrange) => {
	arrange();
	const failed = await runUMeeting({ credentials: credentials(), parameters });
	expect(failed.error).toBeDefined();
	arrange();
	const continued = await runUMeeting({ credentials: credentials(), parameters, continueOnFail: true });
	expect(continued.output![0].json.error).toEqual(expect.any(String));
	expectNoSecretIn(failed.run, failed.error, continued.run, continued.output);
});

test('a wrong secret: run error and credential test message carry no secret', async () => {
	const wrong = { ...credentials(), apiSecret: `${SECRET}-old` };
	const failed = await runUMeeting({ credentials: wrong, parameters });
	const tested = await testCredential(wrong);
	expect(tested.status).toBe('Error');
	expectNoSecretIn(failed.run, failed.error, tested);
	expect(JSON.stringify([failed.run, tested])).not.toContain(`${SECRET}-old`);
});
