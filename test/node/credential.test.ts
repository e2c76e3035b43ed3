import { testCredential } from '../helpers/credentialTest';
import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

describe('credential Test button (HTTP 200 refusals)', () => {
	const { simulator, credentials } = useSimulator();

	test('valid credentials pass with one harmless list call carrying key and secret in the body', async () => {
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const [request] = simulator.requests;
		expect(simulator.requests).toHaveLength(1);
		expect(request.path).toBe('/umeeting/share/list');
		expect(request.query).toBe('');
		expect(request.form).toEqual({
			page_size: '1',
			page_number: '1',
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		expect(simulator.store.created).toBe(0);
	});

	test('a wrong secret answered with HTTP 200 and status 401 fails the test', async () => {
		const result = await testCredential({ ...credentials(), apiSecret: 'wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept these credentials/);
	});

	test('a wrong key fails the test', async () => {
		expect((await testCredential({ ...credentials(), apiKey: 'nobody' })).status).toBe('Error');
	});

	test('a Base URL that answers with something else (HTML) fails the test', async () => {
		simulator.injectFault({ type: 'notJson' });
		expect((await testCredential(credentials())).status).toBe('Error');
	});

	test('a Base URL with a trailing slash still works', async () => {
		expect((await testCredential({ ...credentials(), baseUrl: `${simulator.url}/` })).status).toBe('OK');
	});

	test('authenticate puts api_key and api_secret in the form body only, never the URL or headers', async () => {
		await runUMeeting({
			credentials: credentials(),
			parameters: {
				resource: 'meeting',
				operation: 'schedule',
				topic: 'Auth check',
				meetingCapacity: 2,
				startTime: '2026-12-01T10:00:00',
				duration: 31,
			},
		});
		const [request] = simulator.requests;
		expect(request.form.api_key).toBe(simulator.apiKey);
		expect(request.form.api_secret).toBe(simulator.apiSecret);
		expect(request.query).toBe('');
		expect(JSON.stringify(request.headers)).not.toMatch(
			new RegExp(`${simulator.apiKey}|${simulator.apiSecret}`),
		);
	});
});

describe('plain-http Base URL on another machine', () => {
	const { simulator, credentials } = useSimulator();

	test('the node refuses it with a NodeOperationError and sends nothing', async () => {
		const { error } = await runUMeeting({
			credentials: { ...credentials(), baseUrl: 'http://api.systeccloud.com' },
			items: [{}, {}],
			parameters: {
				resource: 'meeting',
				operation: 'schedule',
				topic: 'x',
				meetingCapacity: 2,
				startTime: '2026-12-01T10:00:00',
				duration: 31,
			},
		});
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toMatch(/uses plain http:\/\/.*Allow Insecure HTTP/);
		expect(error!.context?.itemIndex).toBe(0);
		expect(simulator.requests).toHaveLength(0);
	});

	test('the Test button explains it', async () => {
		const result = await testCredential({ ...credentials(), baseUrl: 'http://api.systeccloud.com' });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/Allow Insecure HTTP/) });
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('credential Test button (HTTP error refusals)', () => {
	const { credentials } = useSimulator({ authFailureHttpStatus: 403 });

	test('a wrong secret answered with HTTP 403 fails the test', async () => {
		const result = await testCredential({ ...credentials(), apiSecret: 'wrong' });
		expect(result.status).toBe('Error');
	});

	test('the right secret still passes', async () => {
		expect((await testCredential(credentials())).status).toBe('OK');
	});
});
