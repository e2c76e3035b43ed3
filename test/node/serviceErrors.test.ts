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

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
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
		expect(error!.message).toBe(
			'UMeeting refused the request (share/schedule): invalid api_key or api_secret',
		);
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

describe('service messages', () => {
	const { simulator, credentials } = useSimulator({ apiSecret: SECRET });

	test('a service message that echoes the secret is scrubbed', async () => {
		simulator.injectFault({ type: 'bodyStatus', status: 400, message: `bad secret ${SECRET}` });
		const { error } = await runUMeeting({ credentials: credentials(), parameters });
		expect(error!.message).toBe('UMeeting refused the request (share/schedule): bad secret ***');
		expectNoSecret(error);
	});
});
