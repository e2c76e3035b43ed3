// n8n-core's own request helper (not exported from its index), to stand in for a version that throws
// a 3xx instead of returning it.
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { NodeApiError, type IExecuteFunctions, type IHttpRequestOptions, type INode } from 'n8n-workflow';
import { z } from 'zod';

import { UMeetingApi } from '../../credentials/UMeetingApi.credentials';
import { requestUMeeting } from '../../nodes/UMeeting/transport';
import { openSession } from '../../nodes/UMeeting/transport/session';
import { testCredential } from '../helpers/credentialTest';
import { runUMeeting, type RunResult } from '../helpers/engine';
import { LOCATION_QUERY_MARKER, redirectPair } from '../helpers/redirectServer';

/**
 * n8n's request helper follows redirects unless told not to, and a 307/308 re-sends the form body,
 * api_secret included, to wherever the Location points. The Base URL here answers every request
 * with a redirect to a second listener on another port (another origin); that listener answers like
 * UMeeting would, so a followed redirect would look like a success. It must receive nothing.
 */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const SECRET = 'redirect-secret-5150';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const KEY = 'redirect-key-5150';
const pair = redirectPair();

beforeAll(async () => await pair.start());
afterAll(async () => await pair.stop());
beforeEach(() => pair.reset());

const credentials = () => ({ apiKey: KEY, apiSecret: SECRET, baseUrl: pair.redirecting.url });
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const schedule = {
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Redirect check',
	meetingCapacity: 3,
	startTime: '2026-12-01T10:00:00',
	duration: 45,
};

const CODES = [301, 302, 303, 307, 308];

/** Every string reachable from the value (own properties, cycles skipped). */
function everyText(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (typeof value !== 'object' || value === null || seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.getOwnPropertyNames(value), 'message', 'description', 'context', 'cause']);
	return [...keys].map((key) => everyText((value as Record<string, unknown>)[key], seen)).join('\n');
}

function expectNothingLeaked(result: RunResult) {
	const texts = `${everyText(result.error)}\n${everyText(result.output)}\n${JSON.stringify(result.run)}`;
	expect(texts).not.toContain(SECRET);
	expect(texts).not.toContain(LOCATION_QUERY_MARKER);
}

function expectTargetUntouched() {
	expect(pair.target.connections).toBe(0);
	expect(pair.target.requests).toHaveLength(0);
}

const targetHost = () => `127.0.0.1:${pair.target.port}`;

describe.each(CODES)('the Base URL answers HTTP %i with a Location on another host', (code) => {
	beforeEach(() => pair.reset(code));

	test('the run fails with a NodeApiError naming the Location host; that host gets nothing', async () => {
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.output).toBeUndefined();
		expect(result.error!.name).toBe('NodeApiError');
		expect(result.error!.message).toBe(
			`UMeeting's Base URL answered HTTP ${code} (share/schedule), redirecting to http://${targetHost()}: not followed, nothing was sent to ${targetHost()}`,
		);
		expect(result.error!.description).toMatch(/does not follow redirects.*API secret/);
		expect(result.error!.description).toMatch(/Base URL/);
		expect(result.error!.httpCode).toBe(String(code));
		expect(result.error!.context?.itemIndex).toBe(0);
		// Sent once to the Base URL, never again (a redirect is not retried), and never to the target.
		expect(pair.redirecting.requests).toHaveLength(1);
		expect(pair.redirecting.requests[0].url).toBe('/umeeting/share/schedule');
		expectTargetUntouched();
		expectNothingLeaked(result);
	});

	test('with Continue On Fail: one error item per input item; the target gets nothing', async () => {
		const result = await runUMeeting({
			credentials: credentials(),
			parameters: schedule,
			continueOnFail: true,
			items: [{}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(result.output!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of result.output!) {
			expect(item.json.error).toMatch(
				new RegExp(`answered HTTP ${code} .*nothing was sent to ${targetHost()}`),
			);
			expect(item.json.description).toMatch(/does not follow redirects/);
			expect(item.json).not.toHaveProperty('meeting_id');
		}
		expect(pair.redirecting.requests).toHaveLength(2);
		expectTargetUntouched();
		expectNothingLeaked(result);
	});

	test('the credential Test fails and the target gets nothing', async () => {
		const result = await testCredential(credentials());
		expect(result.status).toBe('Error');
		// n8n 2.41+ shows the credential's responseCode rule for this status; 1.123 and 2.8 (the
		// n8n-workflow these tests run) lose the HTTP answer from the error and show axios' text.
		expect([ruleMessage(code), `Request failed with status code ${code}`]).toContain(result.message);
		expect(result.message).not.toContain(SECRET);
		expect(pair.redirecting.requests).toHaveLength(1);
		expect(pair.redirecting.requests[0].url).toBe('/umeeting/share/list');
		expectTargetUntouched();
	});
});

function ruleMessage(code: number): string | undefined {
	const rules = (new UMeetingApi().test.rules ?? []) as Array<{
		type: string;
		properties: { value?: unknown; message: string };
	}>;
	return rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === code)?.properties
		.message;
}

describe('the credential test request', () => {
	test('tells n8n not to follow redirects, and words each redirect status', () => {
		expect(new UMeetingApi().test.request.disableFollowRedirect).toBe(true);
		for (const code of CODES) {
			expect(ruleMessage(code)).toMatch(
				new RegExp(`^The Base URL answered HTTP ${code} \\(a redirect\\)\\..*nothing was sent`),
			);
		}
	});
});

describe('every operation refuses a redirect', () => {
	const id = '1770498237';
	const OPERATIONS: Array<[string, Record<string, unknown>, string]> = [
		[
			'schedule',
			{ topic: 'x', meetingCapacity: 2, startTime: '2026-12-01T10:00:00', duration: 31 },
			'share/schedule',
		],
		['createInstant', { topic: 'x', meetingCapacity: 2 }, 'share/instant'],
		['get', { meetingId: byId(id) }, 'share/get'],
		['update', { meetingId: byId(id), updateFields: { topic: 'y' } }, 'share/get'],
		[
			'update',
			{
				meetingId: byId(id),
				timeZone: 'UTC',
				updateFields: { startTime: '2026-12-02T06:30:00', duration: 60 },
				// Nothing to read first: the update itself is the first request.
				recurrenceChange: 'remove',
			},
			'share/update',
		],
		['end', { meetingId: byId(id) }, 'share/end'],
		['delete', { meetingId: byId(id) }, 'share/delete'],
		['getAll', { returnAll: true }, 'share/list'],
		['getHistory', { returnAll: true }, 'share/history'],
		['getToken', { meetingId: byId(id) }, 'share/token'],
		['getStartUrl', { meetingId: byId(id) }, 'share/getStartUrl'],
		['setCapacity', { meetingId: byId(id), meetingCapacity: 40 }, `share/resetCapacity/${id}`],
	];

	test.each(OPERATIONS)('%s (%#) with HTTP 308', async (operation, parameters, endpoint) => {
		pair.reset(308);
		const result = await runUMeeting({
			credentials: credentials(),
			parameters: { resource: 'meeting', operation, ...parameters },
		});
		expect(result.error!.name).toBe('NodeApiError');
		expect(result.error!.message).toMatch(
			new RegExp(
				`answered HTTP 308 \\(${endpoint.replace(/\//g, '\\/')}\\).*nothing was sent to ${targetHost()}`,
			),
		);
		expect(pair.redirecting.requests.map((r) => r.url)).toEqual([`/umeeting/${endpoint}`]);
		expectTargetUntouched();
		expectNothingLeaked(result);
	});
});

describe('other Location forms', () => {
	test('the localhost name (another host than the 127.0.0.1 Base URL) is named as given', async () => {
		pair.reset(307);
		pair.state.locationHost = 'localhost';
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.error!.message).toMatch(
			new RegExp(
				`redirecting to http://localhost:${pair.target.port}: not followed, nothing was sent to localhost:${pair.target.port}$`,
			),
		);
		expectTargetUntouched();
		expectNothingLeaked(result);
		expect((await testCredential(credentials())).status).toBe('Error');
		expectTargetUntouched();
	});

	test('an https:// Location: the advice mentions the https:// address', async () => {
		pair.reset(301);
		pair.state.location = `https://127.0.0.1:${pair.target.port}/umeeting/share/schedule?${LOCATION_QUERY_MARKER}`;
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.error!.message).toMatch(/redirecting to https:\/\/127\.0\.0\.1:\d+: not followed/);
		expect(result.error!.description).toMatch(/https:\/\//);
		expectTargetUntouched();
		expectNothingLeaked(result);
	});

	test('a relative Location names the Base URL host itself; still not followed', async () => {
		pair.reset(302);
		pair.state.location = `/v2/umeeting/share/schedule?${LOCATION_QUERY_MARKER}`;
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		const baseHost = `127.0.0.1:${pair.redirecting.port}`;
		expect(result.error!.message).toMatch(
			new RegExp(`redirecting to http://${baseHost}: .*nothing was sent to ${baseHost}`),
		);
		expect(result.error!.description).toMatch(/\/v2\/umeeting\/share\/schedule/);
		expect(pair.redirecting.requests).toHaveLength(1);
		expectNothingLeaked(result);
	});

	test('user name and password in the Location are not repeated', async () => {
		pair.reset(307);
		pair.state.location = `http://someone:hunter2@127.0.0.1:${pair.target.port}/umeeting/share/schedule`;
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.error!.message).toContain(`nothing was sent to ${targetHost()}`);
		expect(everyText(result.error)).not.toMatch(/someone|hunter2/);
		expectTargetUntouched();
	});

	test('a redirect status without a Location is refused too', async () => {
		pair.reset(302);
		pair.state.location = null;
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.error!.name).toBe('NodeApiError');
		expect(result.error!.message).toMatch(
			/answered HTTP 302 \(share\/schedule\), a redirect without a Location/,
		);
		expect(pair.redirecting.requests).toHaveLength(1);
		expectTargetUntouched();
	});

	test('a Location that is not a URL is not repeated', async () => {
		pair.reset(301);
		pair.state.location = `http://[not a host/${LOCATION_QUERY_MARKER}`;
		const result = await runUMeeting({ credentials: credentials(), parameters: schedule });
		expect(result.error!.message).toMatch(
			/answered HTTP 301 \(share\/schedule\), redirecting to an address that is not a valid URL/,
		);
		expectNothingLeaked(result);
		expectTargetUntouched();
	});
});

describe('the transport itself', () => {
	const node: INode = {
		id: 'n',
		name: 'UMeeting',
		type: 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const call = { endpoint: 'share/schedule', form: { topic: 'x' }, itemIndex: 0, data: z.any() };

	/**
	 * n8n's helper as it is, except that it throws on a non-2xx answer (ignoreHttpStatusErrors off):
	 * wrapped in a NodeApiError as n8n-core does (which loses axios' error in n8n 1.123 and 2.8), or
	 * the axios error itself, whose answer still has the Location.
	 */
	function throwingContext(seen: IHttpRequestOptions[], wrap: boolean) {
		return {
			getNode: () => node,
			getCredentials: async () => credentials(),
			helpers: {
				async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
					seen.push(options);
					const authenticated = await new UMeetingApi().authenticate(credentials(), options);
					try {
						return await httpRequest({ ...authenticated, ignoreHttpStatusErrors: false });
					} catch (error) {
						throw wrap ? new NodeApiError(node, error as never) : error;
					}
				},
			},
		} as unknown as IExecuteFunctions;
	}

	async function callThrough(wrap: boolean) {
		const seen: IHttpRequestOptions[] = [];
		const context = throwingContext(seen, wrap);
		const session = await openSession(context, { timeout: 5000 });
		const error = await requestUMeeting(context, session, call).catch((e: unknown) => e);
		return { seen, error: error as NodeApiError };
	}

	test('asks n8n not to follow redirects and to return a 3xx as the answer', async () => {
		pair.reset(307);
		const { seen, error } = await callThrough(true);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		expect(error).toBeInstanceOf(NodeApiError);
	});

	test('a 3xx thrown inside a NodeApiError (Location lost) is still a redirect, sent once', async () => {
		pair.reset(307);
		const { seen, error } = await callThrough(true);
		expect(error.message).toBe(
			"UMeeting's Base URL answered HTTP 307 (share/schedule), a redirect: not followed, nothing was sent elsewhere",
		);
		expect(error.httpCode).toBe('307');
		expect(seen).toHaveLength(1);
		expect(pair.redirecting.requests).toHaveLength(1);
		expectTargetUntouched();
		expect(everyText(error)).not.toContain(SECRET);
	});

	test('a 3xx thrown with its answer names the Location host, sent once', async () => {
		pair.reset(308);
		const { seen, error } = await callThrough(false);
		expect(error.message).toBe(
			`UMeeting's Base URL answered HTTP 308 (share/schedule), redirecting to http://${targetHost()}: not followed, nothing was sent to ${targetHost()}`,
		);
		expect(seen).toHaveLength(1);
		expect(pair.redirecting.requests).toHaveLength(1);
		expectTargetUntouched();
		expect(everyText(error)).not.toContain(SECRET);
	});
});
