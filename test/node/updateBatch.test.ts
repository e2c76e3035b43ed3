import type { IDataObject } from 'n8n-workflow';

import { runUMeeting, type RunResult } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

/**
 * Update reads a meeting before changing it (the service needs start and duration on every update,
 * and a kept series must not move to other days). Every read the batch's check needs happens before
 * the first write: an item found invalid only after its read changes nothing, not even the valid
 * items before it, and the error says so without listing any of them as done.
 */
const { simulator, credentials } = useSimulator();

const ZONE = 'America/New_York';

async function run(
	parameters: IDataObject,
	items: IDataObject[],
	continueOnFail = false,
): Promise<RunResult> {
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		items,
		continueOnFail,
		parameters: { resource: 'meeting', ...parameters },
	});
}

async function schedule(startTime: string, recurrence?: IDataObject): Promise<string> {
	const { output, error } = await run(
		{
			operation: 'schedule',
			topic: 'Weekly sync',
			meetingCapacity: 5,
			startTime,
			duration: 45,
			...(recurrence ? { recurrence } : {}),
		},
		[{}],
	);
	expect(error).toBeUndefined();
	return String(output![0].json.meeting_id);
}

const update = {
	operation: 'update',
	meetingId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	updateFields: { topic: '={{ $json.topic }}', startTime: '={{ $json.start ?? "" }}' },
};

describe('Update: every read before the first write', () => {
	test('item 0 valid, item 1 invalid once its meeting is read: no meeting changes, the error lists nothing as done', async () => {
		const single = await schedule('2026-12-01 10:00');
		const series = await schedule('2026-12-01 21:00', {
			rule: { type: 'weekly', weeklyDays: ['tuesday'], endBy: 'times', endTimes: 3 },
		});
		simulator.requests.length = 0;
		const { output, error } = await run(update, [
			{ id: single, topic: 'Renamed' },
			// 09:00 in New York is Beijing's same day; the series' 21:00 is Beijing's next day.
			{ id: series, topic: 'Moved', start: '2026-12-08 09:00' },
		]);
		expect(output).toBeUndefined();
		expect(error?.message).toMatch(
			/^Invalid input in item 1: "Start Time" with Recurrence Change "Keep As It Is"/,
		);
		expect(error?.description).toMatch(/Nothing was sent to UMeeting/);
		expect(error?.description).not.toMatch(/item 0 -> meeting|Already done/);
		expect(simulator.requests.map((r) => r.path)).toEqual(['/umeeting/share/get', '/umeeting/share/get']);
		expect(simulator.store.get(single)!.topic).toBe('Weekly sync');
		expect(simulator.store.get(series)!.topic).toBe('Weekly sync');
	});

	test('item 1 naming a meeting the service does not know: refused by the read, item 0 is not written', async () => {
		const single = await schedule('2026-12-01 10:00');
		simulator.requests.length = 0;
		const { error } = await run(update, [
			{ id: single, topic: 'Renamed' },
			{ id: '1234500000', topic: 'Ghost' },
		]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.description ?? '').not.toMatch(/item 0 -> meeting/);
		expect(simulator.requests.filter((r) => r.path.endsWith('/update'))).toHaveLength(0);
		expect(simulator.store.get(single)!.topic).toBe('Weekly sync');
	});

	test('with Continue On Fail the invalid item becomes an error item and the valid one is written', async () => {
		const single = await schedule('2026-12-01 10:00');
		const { output, error } = await run(
			update,
			[
				{ id: single, topic: 'Renamed' },
				{ id: '1234500000', topic: 'Ghost' },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(output![0].json).toMatchObject({ success: true, meeting_id: single, topic: 'Renamed' });
		expect(output![1].json.error).toEqual(expect.any(String));
		expect(output![1].pairedItem).toEqual({ item: 1 });
		expect(simulator.store.get(single)!.topic).toBe('Renamed');
	});

	test('Duration above a day is refused before sending (9e15 minutes was booked before)', async () => {
		simulator.requests.length = 0;
		for (const duration of [9e15, 1441]) {
			const { error } = await run(
				{ operation: 'schedule', topic: 'Long', meetingCapacity: 5, startTime: '2026-12-01 10:00', duration },
				[{}],
			);
			expect(error?.message).toMatch(
				/"Duration \(Minutes\)" must be at most 1440 \(got (9000000000000000|1441)\)/,
			);
		}
		expect(simulator.requests).toHaveLength(0);
		const { error } = await run(
			{
				operation: 'schedule',
				topic: 'Day',
				meetingCapacity: 5,
				startTime: '2026-12-01 10:00',
				duration: 1440,
			},
			[{}],
		);
		expect(error).toBeUndefined();
	});
});
