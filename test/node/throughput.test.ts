import type { IDataObject } from 'n8n-workflow';

import { UMeetingSimulator } from '../simulator';
import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

const schedule = (options: Record<string, number> = {}, duration: string | number = 45) => ({
	resource: 'meeting',
	operation: 'schedule',
	topic: '=Call {{ $json.n }}',
	meetingCapacity: 3,
	startTime: '2026-12-01T10:00:00',
	duration,
	options,
});

const items = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));

function expectOwnMeetingsInOrder(output: Array<{ json: IDataObject; pairedItem?: unknown }>, count: number) {
	const byTopic = new Map(simulator.store.all().map((m) => [m.topic, m.id]));
	expect(output.map((o) => o.pairedItem)).toEqual(Array.from({ length: count }, (_, item) => ({ item })));
	expect(output.map((o) => o.json.meeting_id)).toEqual(
		Array.from({ length: count }, (_, n) => byTopic.get(`Call ${n}`)),
	);
}

test('answers that come back out of order still give output in input order, each paired with its item', async () => {
	// The first four requests are held back 300 ms while the other workers go on, so items 4 and
	// later are answered before items 0-3.
	simulator.injectFault({ type: 'slow', delayMs: 300 }, { times: 4, afterProcessing: true });
	const { output, error } = await runUMeeting({
		credentials: credentials(),
		items: items(20),
		parameters: schedule({ maxParallel: 8 }),
	});
	expect(error).toBeUndefined();
	expectOwnMeetingsInOrder(output!, 20);
});

test.each([
	[1, 1],
	[4, 4],
	[10, 10],
	[undefined, 5],
])(
	'Max Parallel Requests %s: at most %i requests in flight, and that many used',
	async (maxParallel, expected) => {
		const latency = new UMeetingSimulator({ latencyMs: 40 });
		await latency.start();
		try {
			const { output, error } = await runUMeeting({
				credentials: { apiKey: latency.apiKey, apiSecret: latency.apiSecret, baseUrl: latency.url },
				items: items(30),
				parameters: schedule(maxParallel === undefined ? {} : { maxParallel }),
			});
			expect(error).toBeUndefined();
			expect(output).toHaveLength(30);
			expect(latency.peakInFlight).toBe(expected);
			expect(latency.store.created).toBe(30);
		} finally {
			await latency.stop();
		}
	},
);

test('Max Requests per Second spaces the requests: no 1-second window holds more than the limit', async () => {
	const { error } = await runUMeeting({
		credentials: credentials(),
		items: items(30),
		parameters: schedule({ maxParallel: 10, maxPerSecond: 20 }),
	});
	expect(error).toBeUndefined();
	const arrivals = simulator.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
	for (let i = 0; i + 20 < arrivals.length; i++) {
		// Request i+20 starts at least one second after request i. Arrival at the simulator is what can
		// be seen, and on a loaded machine request i may arrive late: 50 ms of such jitter are allowed.
		expect(arrivals[i + 20] - arrivals[i]).toBeGreaterThanOrEqual(950);
	}
});

test('retries under concurrency still send each item at most once per safe retry, one meeting each', async () => {
	simulator.injectFault({ type: 'http', status: 503, headers: { 'Retry-After': '0' } }, { times: 6 });
	const { output, error } = await runUMeeting({
		credentials: credentials(),
		items: items(12),
		parameters: schedule({ maxParallel: 6 }),
	});
	expect(error).toBeUndefined();
	expect(simulator.requests).toHaveLength(12 + 6);
	expect(simulator.store.created).toBe(12);
	expectOwnMeetingsInOrder(output!, 12);
});

test('Continue On Fail under concurrency: error items in place, every other item its own meeting', async () => {
	const { output } = await runUMeeting({
		credentials: credentials(),
		continueOnFail: true,
		items: items(15),
		parameters: schedule({ maxParallel: 5 }, '={{ $json.n % 4 === 1 ? 20 : 45 }}'),
	});
	const failed = [1, 5, 9, 13];
	expect(output).toHaveLength(15);
	output!.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (failed.includes(index))
			expect(item.json.error).toMatch(`Invalid input in item ${index}: "Duration (Minutes)"`);
		else
			expect(item.json.meeting_id).toBe(simulator.store.all().find((m) => m.topic === `Call ${index}`)!.id);
	});
	expect(simulator.store.created).toBe(11);
});

test('without Continue On Fail, invalid items fail the run before any item is sent, naming the earliest', async () => {
	const { error } = await runUMeeting({
		credentials: credentials(),
		items: items(40),
		parameters: schedule({ maxParallel: 4 }, '={{ $json.n === 6 || $json.n === 7 ? 20 : 45 }}'),
	});
	expect(error!.message).toBe(
		'Invalid input in item 6: "Duration (Minutes)" must be greater than 30 (got 20)',
	);
	expect(simulator.requests).toHaveLength(0);
});

test('a bad throughput option is refused before anything is sent', async () => {
	const { error } = await runUMeeting({
		credentials: credentials(),
		items: items(3),
		parameters: schedule({ maxParallel: 0 }),
	});
	expect(error!.message).toBe(
		'Invalid input in item 0: "Options › Max Parallel Requests" must be between 1 and 50 (got 0)',
	);
	expect(simulator.requests).toHaveLength(0);
});
