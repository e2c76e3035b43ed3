import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

/** Six items; the duration comes from each item so one can be made invalid. */
const items = (durations: number[]) => durations.map((d, n) => ({ n, d }));

const schedule = (maxParallel: number) => ({
	resource: 'meeting',
	operation: 'schedule',
	topic: '=Call {{ $json.n }}',
	meetingCapacity: 3,
	startTime: '2026-12-01T10:00:00',
	duration: '={{ $json.d }}',
	options: { maxParallel },
});

describe('a bad item books nothing', () => {
	test('without Continue On Fail: the run fails on item 1 and no request is sent (Max Parallel 5)', async () => {
		const { error, output } = await runUMeeting({
			credentials: credentials(),
			items: items([45, 20, 45, 45, 45, 45]),
			parameters: schedule(5),
		});
		expect(output).toBeUndefined();
		expect(error!.message).toBe(
			'Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)',
		);
		expect(simulator.requests).toHaveLength(0);
		expect(simulator.store.created).toBe(0);
	});

	test('with Continue On Fail: the invalid item is an error item and only the valid ones are sent', async () => {
		const { error, output } = await runUMeeting({
			credentials: credentials(),
			continueOnFail: true,
			items: items([45, 20, 45, 45, 45, 45]),
			parameters: schedule(5),
		});
		expect(error).toBeUndefined();
		expect(simulator.requests).toHaveLength(5);
		expect(simulator.store.created).toBe(5);
		expect(output!.map((item) => [item.pairedItem, item.json.error === undefined])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
			[{ item: 2 }, true],
			[{ item: 3 }, true],
			[{ item: 4 }, true],
			[{ item: 5 }, true],
		]);
	});
});

describe('a service failure mid-run says what was already booked', () => {
	test.each([1, 5])(
		'Max Parallel %i: the error lists every meeting booked in the run',
		async (maxParallel) => {
			// The fourth schedule request fails; with 5 in parallel others are under way and still finish.
			simulator.injectFault(
				{ type: 'http', status: 500, body: '{"status":500,"message":"database unavailable"}' },
				{ path: '/umeeting/share/schedule', skip: 3 },
			);
			const { error, output } = await runUMeeting({
				credentials: credentials(),
				items: items([45, 45, 45, 45, 45, 45]),
				parameters: schedule(maxParallel),
			});
			expect(output).toBeUndefined();
			expect(error!.message).toContain('HTTP 500');
			const booked = simulator.store.all();
			expect(booked.length).toBe(maxParallel === 1 ? 3 : 5);
			// Each booked meeting is named with its item, meeting number and join URL.
			for (const meeting of booked) {
				const item = Number(meeting.topic.replace('Call ', ''));
				expect(error!.description).toContain(
					`item ${item} -> meeting ${meeting.id} (join URL ${meeting.join_url})`,
				);
				// Never a host secret.
				expect(error!.description).not.toContain(meeting.start_url);
				expect(error!.description).not.toContain(meeting.token);
				expect(error!.description).not.toContain(meeting.host_key);
			}
			const listed = error!.description!.match(/item \d+ -> meeting/g) ?? [];
			expect(listed).toHaveLength(booked.length);
			expect(error!.description).toContain('not undone');
		},
	);

	test('a read-only operation does not list anything', async () => {
		simulator.injectFault({ type: 'http', status: 500 }, { path: '/umeeting/share/list' });
		const { error } = await runUMeeting({
			credentials: credentials(),
			parameters: { resource: 'meeting', operation: 'getAll', returnAll: true },
		});
		expect(error!.message).toContain('HTTP 500');
		expect(error!.description ?? '').not.toContain('Already done');
	});
});

test('a failed Delete Live Stream run lists the streams already deleted', async () => {
	const { output } = await runUMeeting({
		credentials: credentials(),
		items: [{ n: 0 }, { n: 1 }],
		parameters: { ...schedule(1), duration: 45, additionalFields: { allowLiveStreaming: true } },
	});
	const liveIds = output!.map((item) => String(item.json.live_id));
	simulator.injectFault({ type: 'http', status: 500 }, { path: `/umeeting/live/${liveIds[1]}/delete` });
	const { error } = await runUMeeting({
		credentials: credentials(),
		items: liveIds.map((liveId) => ({ liveId })),
		parameters: {
			resource: 'meeting',
			operation: 'deleteLiveStream',
			liveId: '={{ $json.liveId }}',
			options: { maxParallel: 1 },
		},
	});
	expect(error!.message).toContain('HTTP 500');
	expect(error!.description).toContain(`item 0 -> live stream ${liveIds[0]}`);
	expect(error!.description).not.toContain(`live stream ${liveIds[1]}`);
});
