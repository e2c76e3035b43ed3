import { createServer } from 'node:net';

import type { Fault } from '../simulator';
import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const parameters = {
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Budget',
	meetingCapacity: 4,
	startTime: '2026-12-01T10:00:00',
	duration: 40,
};

const SECRET = 'sec-ret/with+chars=9931';

function expectNoSecret(value: unknown) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(SECRET);
	expect(text).not.toContain(encodeURIComponent(SECRET));
}

describe('the service refuses the key or secret with HTTP 200 and a non-200 status', () => {
	const { simulator } = useSimulator({ apiSecret: SECRET });

	test('the run fails with a NodeApiError carrying the service message and HTTP status, without the secret', async () => {
		const { error } = await runUMeeting({
			credentials: { apiKey: simulator.apiKey, apiSecret: `${SECRET}-wrong`, baseUrl: simulator.url },
			parameters,
		});
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting refused the request (share/schedule): invalid api_key or api_secret');
		expect(error!.httpCode).toBe('200');
		expect(error!.description).toMatch(/status 401/);
		expectNoSecret(error);
	});
});

describe('the service refuses the key or secret with an HTTP error status', () => {
	const { simulator } = useSimulator({ apiSecret: SECRET, authFailureHttpStatus: 401 });

	test('the run fails with the service message and HTTP 401, without the secret', async () => {
		const { error } = await runUMeeting({
			credentials: { apiKey: simulator.apiKey, apiSecret: 'wrong', baseUrl: simulator.url },
			parameters,
		});
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toBe('UMeeting answered HTTP 401 (share/schedule): invalid api_key or api_secret');
		expect(error!.httpCode).toBe('401');
		expect(error!.description).toMatch(/API key, the API secret and the Base URL/);
	});
});

describe('faults', () => {
	const { simulator, credentials } = useSimulator({ apiSecret: SECRET });

	const cases: Array<[string, Fault, RegExp, string | undefined]> = [
		['HTTP 500 with a JSON message', { type: 'http', status: 500, body: '{"status":500,"message":"db down"}' }, /HTTP 500 \(share\/schedule\): db down/, '500'],
		['HTTP 503 with an HTML page', { type: 'html', status: 503 }, /HTTP 503/, '503'],
		['HTTP 429', { type: 'http', status: 429, headers: { 'Retry-After': '1' } }, /HTTP 429/, '429'],
		['a 200 answer that is not JSON', { type: 'notJson' }, /is not the API's JSON \(HTTP 200\)/, '200'],
		['status 200 without data', { type: 'noData' }, /reported success for share\/schedule but sent no data/, undefined],
		['a status given as text', { type: 'bodyStatus', status: '403', message: 'api disabled' }, /refused the request \(share\/schedule\): api disabled/, '200'],
		['a dropped connection', { type: 'drop' }, /Could not get an answer from UMeeting \(share\/schedule\)/, undefined],
	];

	test.each(cases)('%s fails the item with a clear NodeApiError', async (_name, fault, message, httpCode) => {
		simulator.injectFault(fault);
		const { error } = await runUMeeting({ credentials: credentials(), parameters });
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toMatch(message);
		if (httpCode) expect(error!.httpCode).toBe(httpCode);
		expect(error!.description).toEqual(expect.any(String));
		expectNoSecret(error);
	});

	test('a refused connection says nothing was sent', async () => {
		const port = await closedPort();
		const { error } = await runUMeeting({
			credentials: { ...credentials(), baseUrl: `http://127.0.0.1:${port}` },
			parameters,
		});
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toMatch(/refused the connection/);
		expect(error!.description).toMatch(/nothing was sent/);
		expectNoSecret(error);
	});

	test('a service message that echoes the secret is scrubbed', async () => {
		simulator.injectFault({ type: 'bodyStatus', status: 400, message: `bad secret ${SECRET}` });
		const { error } = await runUMeeting({ credentials: credentials(), parameters });
		expect(error!.message).toBe('UMeeting refused the request (share/schedule): bad secret ***');
		expectNoSecret(error);
	});
});

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
