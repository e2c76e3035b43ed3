/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { UMeetingSimulator } from '../simulator';
import { runUMeeting, type RunResult } from '../helpers/engine';
import { closedPort } from '../helpers/ports';
import { useSimulator } from '../helpers/simulator';

/**
 * The fault matrix: each fault hits the request of item 1 of three (item 0 and 2 go through), once
 * with Continue On Fail (an error item, the other items get their own meetings) and once without
 * (the run fails with a NodeApiError). The simulator counts requests and created meetings, so a
 * re-sent request or a duplicate meeting shows.
 */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const SECRET = 'matrix-secret-4711';
const { simulator, credentials } = useSimulator({ apiSecret: SECRET });

const parameters = (timeout?: number) => ({
	resource: 'meeting',
	operation: 'schedule',
	topic: '=Call {{ $itemIndex }}',
	meetingCapacity: 3,
	startTime: '2026-12-01T10:00:00',
	duration: 45,
	// One item at a time, so that "the request of item 1" is the second request the simulator sees.
	options: { maxParallel: 1, ...(timeout ? { timeout } : {}) },
});

interface Row {
	name: string;
	/** Arms the fault for the request of the item at `index` (earlier items pass untouched). */
	arrange(simulator: UMeetingSimulator, index: number): void;
	/** How many requests the faulty item may send: more than 1 only where a retry is safe. */
	requests: number;
	/** Meetings the service created for the faulty item (a fault after processing leaves one). */
	created: 0 | 1;
	/** undefined: the item finally succeeds. */
	error?: { message: RegExp; httpCode?: string; description: RegExp };
	timeout?: number;
}

const schedule = { path: '/umeeting/share/schedule' };
const MAYBE = /may have acted on the request/;

const MATRIX: Row[] = [
	{
		name: 'HTTP 500 with a JSON message',
		arrange: (s, skip) =>
			s.injectFault(
				{ type: 'http', status: 500, body: '{"status":500,"message":"database unavailable"}' },
				{ ...schedule, skip },
			),
		requests: 1,
		created: 0,
		error: {
			message: /answered HTTP 500 \(share\/schedule\): database unavailable/,
			httpCode: '500',
			description: MAYBE,
		},
	},
	{
		name: 'HTTP 502 with an HTML error page',
		arrange: (s, skip) => s.injectFault({ type: 'html', status: 502 }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: { message: /answered HTTP 502/, httpCode: '502', description: MAYBE },
	},
	{
		name: 'HTTP 503 without Retry-After',
		arrange: (s, skip) => s.injectFault({ type: 'http', status: 503 }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: { message: /answered HTTP 503/, httpCode: '503', description: MAYBE },
	},
	{
		name: 'HTTP 503 with Retry-After, once',
		arrange: (s, skip) =>
			s.injectFault({ type: 'http', status: 503, headers: { 'Retry-After': '1' } }, { ...schedule, skip }),
		requests: 2,
		created: 1,
	},
	{
		name: 'HTTP 503 with Retry-After, every time',
		arrange: (s, skip) =>
			s.injectFault(
				{ type: 'http', status: 503, headers: { 'Retry-After': '0' } },
				{ ...schedule, skip, times: 3 },
			),
		requests: 3,
		created: 0,
		error: {
			message: /answered HTTP 503 \(share\/schedule\) after 3 attempts/,
			httpCode: '503',
			description: MAYBE,
		},
	},
	{
		name: 'HTTP 429 without Retry-After',
		arrange: (s, skip) =>
			s.injectFault(
				{ type: 'http', status: 429, body: '{"status":429,"message":"too many requests"}' },
				{ ...schedule, skip },
			),
		requests: 1,
		created: 0,
		error: {
			message: /answered HTTP 429 \(share\/schedule\): too many requests/,
			httpCode: '429',
			description: /limiting the request rate/,
		},
	},
	{
		name: 'HTTP 429 with Retry-After, once',
		arrange: (s, skip) =>
			s.injectFault({ type: 'http', status: 429, headers: { 'Retry-After': '0' } }, { ...schedule, skip }),
		requests: 2,
		created: 1,
	},
	{
		name: 'HTTP 429 with a Retry-After longer than the node waits',
		arrange: (s, skip) =>
			s.injectFault({ type: 'http', status: 429, headers: { 'Retry-After': '120' } }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: { message: /answered HTTP 429/, httpCode: '429', description: /limiting the request rate/ },
	},
	{
		name: 'a request timeout (the service acts, then answers too late)',
		arrange: (s, skip) =>
			s.injectFault({ type: 'slow', delayMs: 1500 }, { ...schedule, skip, afterProcessing: true }),
		timeout: 400,
		requests: 1,
		created: 1,
		error: {
			message:
				/Could not get an answer from UMeeting \(share\/schedule\): no answer within the request timeout/,
			description: /did not answer in time\. The service may have acted/,
		},
	},
	{
		name: 'a connection dropped after the request was sent, before processing',
		arrange: (s, skip) => s.injectFault({ type: 'drop' }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: {
			message:
				/Could not get an answer from UMeeting \(share\/schedule\): the connection was dropped before an answer came/,
			description: /connection was dropped\. The service may have acted/,
		},
	},
	{
		name: 'a connection dropped after the service acted',
		arrange: (s, skip) => s.injectFault({ type: 'drop' }, { ...schedule, skip, afterProcessing: true }),
		requests: 1,
		created: 1,
		error: { message: /the connection was dropped/, description: /connection was dropped/ },
	},
	{
		name: 'a connection dropped before the request was read',
		arrange: (s, skip) => s.dropConnections(1, { skip }),
		requests: 0,
		created: 0,
		error: { message: /Could not get an answer from UMeeting \(share\/schedule\)/, description: MAYBE },
	},
	{
		name: 'a 200 answer with an HTML page',
		arrange: (s, skip) => s.injectFault({ type: 'html', status: 200 }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: {
			message: /answer to share\/schedule is not the API's JSON \(HTTP 200\)/,
			httpCode: '200',
			description: /Base URL/,
		},
	},
	{
		name: 'a 200 answer that is not JSON',
		arrange: (s, skip) => s.injectFault({ type: 'notJson' }, { ...schedule, skip }),
		requests: 1,
		created: 0,
		error: { message: /is not the API's JSON/, httpCode: '200', description: /answer began with: OK/ },
	},
	{
		name: 'a body status other than 200',
		arrange: (s, skip) =>
			s.injectFault(
				{ type: 'bodyStatus', status: 4003, message: 'meeting capacity exceeds the plan' },
				{ ...schedule, skip },
			),
		requests: 1,
		created: 0,
		error: {
			message: /refused the request \(share\/schedule\): meeting capacity exceeds the plan/,
			httpCode: '200',
			description: /status 4003/,
		},
	},
	{
		name: 'a 200 answer whose data lacks meeting_id',
		arrange: (s, skip) =>
			s.injectFault(
				{
					type: 'http',
					status: 200,
					body: '{"status":200,"message":"OK","data":{"join_url":"https://u.example/j/1"}}',
				},
				{ ...schedule, skip },
			),
		requests: 1,
		created: 0,
		error: {
			message: /reported success for share\/schedule, but its answer lacks meeting_id/,
			description: MAYBE,
		},
	},
	{
		name: 'a 200 answer whose data lacks join_url',
		arrange: (s, skip) =>
			s.injectFault(
				{
					type: 'http',
					status: 200,
					body: '{"status":200,"message":"OK","data":{"meeting_id":"1770000001"}}',
				},
				{ ...schedule, skip },
			),
		requests: 1,
		created: 0,
		error: { message: /its answer lacks join_url/, description: MAYBE },
	},
];

function everyString(value: unknown): string {
	return JSON.stringify(value);
}

describe.each(MATRIX)('$name', (row) => {
	test('with Continue On Fail: an error item for that item, own meetings for the others', async () => {
		row.arrange(simulator, 1);
		const result = await runUMeeting({
			credentials: credentials(),
			continueOnFail: true,
			items: [{}, {}, {}],
			parameters: parameters(row.timeout),
		});
		expect(result.error).toBeUndefined();
		const output = result.output!;
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const sentTopics = simulator.requestsTo('share/schedule').map((r) => r.form.topic);
		expect(sentTopics.filter((t) => t === 'Call 0')).toHaveLength(1);
		expect(sentTopics.filter((t) => t === 'Call 1')).toHaveLength(row.requests);
		expect(sentTopics.filter((t) => t === 'Call 2')).toHaveLength(1);
		const meetingsOf = (topic: string) => simulator.store.all().filter((m) => m.topic === topic);
		expect(meetingsOf('Call 0')).toHaveLength(1);
		expect(meetingsOf('Call 1')).toHaveLength(row.created);
		expect(meetingsOf('Call 2')).toHaveLength(1);
		expect(output[0].json.meeting_id).toBe(meetingsOf('Call 0')[0].id);
		expect(output[2].json.meeting_id).toBe(meetingsOf('Call 2')[0].id);

		if (row.error) {
			expect(output[1].json.error).toMatch(row.error.message);
			expect(output[1].json.description).toMatch(row.error.description);
			expect(output[1].json).not.toHaveProperty('meeting_id');
		} else {
			expect(output[1].json.meeting_id).toBe(meetingsOf('Call 1')[0].id);
		}
		expect(everyString(result.run)).not.toContain(SECRET);
	});

	if (row.error) {
		test('without Continue On Fail: the run fails with a NodeApiError saying what happened and what to do', async () => {
			row.arrange(simulator, 0);
			const result: RunResult = await runUMeeting({
				credentials: credentials(),
				parameters: parameters(row.timeout),
			});
			expect(result.output).toBeUndefined();
			expect(result.error!.name).toBe('NodeApiError');
			expect(result.error!.message).toMatch(row.error!.message);
			expect(result.error!.description).toMatch(row.error!.description);
			if (row.error!.httpCode) expect(result.error!.httpCode).toBe(row.error!.httpCode);
			expect(result.error!.context?.itemIndex).toBe(0);
			expect(simulator.store.created).toBe(row.created);
			expect(everyString(result.run)).not.toContain(SECRET);
		});
	}
});

describe('a refused connection (nothing was sent)', () => {
	test('is retried a bounded number of times, then fails saying nothing was sent', async () => {
		const port = await closedPort();
		const started = Date.now();
		const result = await runUMeeting({
			credentials: { ...credentials(), baseUrl: `http://127.0.0.1:${port}` },
			continueOnFail: true,
			items: [{}, {}],
			parameters: parameters(),
		});
		const elapsed = Date.now() - started;
		expect(result.output!.map((o) => [o.json.error, o.pairedItem])).toEqual([
			[expect.stringMatching(/after 3 attempts: the connection was refused/), { item: 0 }],
			[expect.stringMatching(/after 3 attempts: the connection was refused/), { item: 1 }],
		]);
		expect(result.output![0].json.description).toMatch(/nothing was sent/);
		// Two waits per item (0.5 s and 1.5 s): bounded, and proof the retries really waited.
		expect(elapsed).toBeGreaterThanOrEqual(2 * 2000 - 100);
	});

	test('is retried until the service is up, and the meeting is created once', async () => {
		const port = await closedPort();
		const late = new UMeetingSimulator({ apiSecret: SECRET });
		const starting = new Promise((resolve) => setTimeout(resolve, 200)).then(() => late.start(port));
		try {
			const result = await runUMeeting({
				credentials: { ...credentials(), baseUrl: `http://127.0.0.1:${port}` },
				parameters: parameters(),
			});
			await starting;
			expect(result.error).toBeUndefined();
			expect(late.store.created).toBe(1);
			expect(result.output![0].json.meeting_id).toBe(late.store.all()[0].id);
		} finally {
			await starting;
			await late.stop();
		}
	});
});

describe('Retry-After as an HTTP date', () => {
	test('HTTP 503 with a date 1 s ahead, once: sent again at that date, the item succeeds, one meeting', async () => {
		// HTTP dates have whole seconds: the next whole second after one from now.
		const target = Math.ceil(Date.now() / 1000) * 1000 + 1000;
		simulator.injectFault(
			{ type: 'http', status: 503, headers: { 'Retry-After': new Date(target).toUTCString() } },
			schedule,
		);
		const result = await runUMeeting({ credentials: credentials(), parameters: parameters() });
		expect(result.error).toBeUndefined();
		const sent = simulator.requestsTo('share/schedule');
		expect(sent).toHaveLength(2);
		// Waited for the date: a wait of 0 (the date misread as past) would send again at once.
		expect(sent[1].receivedAt).toBeGreaterThanOrEqual(target - 50);
		expect(simulator.store.created).toBe(1);
		expect(result.output).toHaveLength(1);
		expect(result.output![0].json.meeting_id).toBe(simulator.store.all()[0].id);
	});

	test('HTTP 429 with a date in the past, once: sent again at once, the item succeeds, one meeting', async () => {
		const past = new Date(Date.now() - 60_000).toUTCString();
		simulator.injectFault({ type: 'http', status: 429, headers: { 'Retry-After': past } }, schedule);
		const started = Date.now();
		const result = await runUMeeting({ credentials: credentials(), parameters: parameters() });
		expect(result.error).toBeUndefined();
		expect(simulator.requestsTo('share/schedule')).toHaveLength(2);
		expect(simulator.store.created).toBe(1);
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
