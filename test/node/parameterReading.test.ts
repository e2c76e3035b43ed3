import { ExecuteContext } from 'n8n-core';

import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

const schedule = {
	resource: 'meeting',
	operation: 'schedule',
	topic: '=Call {{ $json.n }}',
	meetingCapacity: 10,
	startTime: '2026-12-01T10:00:00',
	duration: '={{ 40 + $json.n }}',
	additionalFields: { password: '1234' },
};

const items = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));

/**
 * How often n8n's getNodeParameter was asked for each parameter during a run. n8n-core binds
 * getNodeParameter per context, to the shared method counted here.
 */
async function countReads(run: () => Promise<unknown>) {
	const prototype = ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string) => unknown };
	const spy = jest.spyOn(prototype, '_getNodeParameter');
	try {
		await run();
		const reads: Record<string, number> = {};
		for (const [name] of spy.mock.calls) reads[name] = (reads[name] ?? 0) + 1;
		return reads;
	} finally {
		spy.mockRestore();
	}
}

test('parameters with an expression are read per item, the others once per run, with the same results', async () => {
	let result: Awaited<ReturnType<typeof runUMeeting>> | undefined;
	const reads = await countReads(async () => {
		result = await runUMeeting({
			credentials: credentials(),
			items: items(5),
			parameters: schedule,
			workflowTimeZone: 'Pacific/Auckland',
		});
	});
	expect(result!.error).toBeUndefined();
	expect(reads).toMatchObject({
		topic: 5,
		duration: 5,
		meetingCapacity: 1,
		startTime: 1,
		additionalFields: 1,
	});
	const meetings = simulator.store.all().sort((a, b) => a.topic.localeCompare(b.topic));
	expect(meetings.map((m) => [m.topic, m.duration, m.meeting_capacity])).toEqual(
		items(5).map(({ n }) => [`Call ${n}`, 40 + n, 10]),
	);
	expect(result!.output!.map((item) => item.json.end_time_iso)).toEqual(
		items(5).map(({ n }) => `2026-12-01T10:${String(40 + n).padStart(2, '0')}:00+13:00`),
	);
	expect(result!.output!.map((item) => item.pairedItem)).toEqual(items(5).map((_, item) => ({ item })));
});

test('an item whose expression gives an invalid value is named, and nothing is sent', async () => {
	const { error, output } = await runUMeeting({
		credentials: credentials(),
		items: [{ n: 1 }, { n: 2 }, { n: -20 }],
		parameters: schedule,
	});
	expect(output).toBeUndefined();
	expect(error!.message).toBe(
		'Invalid input in item 2: "Duration (Minutes)" must be greater than 30 (got 20)',
	);
	expect(simulator.requests).toHaveLength(0);
});

test('with Continue On Fail, only the invalid item becomes an error item, paired with its input', async () => {
	const { error, output } = await runUMeeting({
		credentials: credentials(),
		items: [{ n: 1 }, { n: -20 }, { n: 3 }],
		parameters: schedule,
		continueOnFail: true,
	});
	expect(error).toBeUndefined();
	expect(output!.map((item) => [item.pairedItem, typeof item.json.error])).toEqual([
		[{ item: 0 }, 'undefined'],
		[{ item: 1 }, 'string'],
		[{ item: 2 }, 'undefined'],
	]);
	expect(
		simulator.store
			.all()
			.map((m) => m.duration)
			.sort(),
	).toEqual([41, 43]);
});
