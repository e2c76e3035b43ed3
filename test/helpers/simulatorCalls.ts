import type { UMeetingSimulator } from '../simulator';

/** A simulator answer's body: the service's status and message, and data on success. */
export interface Body {
	status: number;
	message: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	data?: any;
}

/**
 * Calls a running simulator the way the API is called (POST, form body, key and secret in it), for
 * tests of the simulator's endpoints: `post` gives the body, `ok` the data of a success, `refusal`
 * the status and message of a refusal (which carries no data).
 */
export function simulatorCalls(simulator: UMeetingSimulator) {
	async function post(path: string, fields: Record<string, string> = {}): Promise<Body> {
		const response = await fetch(`${simulator.url}/umeeting/${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
			body: new URLSearchParams({ ...fields, api_key: simulator.apiKey, api_secret: simulator.apiSecret }),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Body;
	}

	async function ok(path: string, fields: Record<string, string> = {}) {
		const body = await post(path, fields);
		expect(body).toMatchObject({ status: 200, message: 'OK' });
		return body.data;
	}

	async function refusal(path: string, fields: Record<string, string> = {}) {
		const { status, message, data } = await post(path, fields);
		expect(data).toBeUndefined();
		return { status, message };
	}

	return { post, ok, refusal };
}
