import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

test('10,000 items in one run: one meeting each, in input order, each paired with its item', async () => {
	const items = Array.from({ length: 10_000 }, (_, index) => ({ index }));
	const { output, error } = await runUMeeting({
		credentials: credentials(),
		items,
		parameters: {
			resource: 'meeting',
			operation: 'schedule',
			topic: '=Training {{ $json.index }}',
			meetingCapacity: 20,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
		},
	});
	expect(error).toBeUndefined();
	expect(output).toHaveLength(10_000);
	expect(simulator.store.created).toBe(10_000);
	const meetingByTopic = new Map(simulator.store.all().map((m) => [m.topic, m.id]));
	output!.forEach((item, index) => {
		if ((item.pairedItem as { item?: number } | undefined)?.item !== index) {
			throw new Error(`item ${index} is paired with ${JSON.stringify(item.pairedItem)}`);
		}
		if (item.json.meeting_id !== meetingByTopic.get(`Training ${index}`)) {
			throw new Error(`item ${index} carries the meeting of another item`);
		}
	});
	expect(new Set(output!.map((o) => o.json.meeting_id)).size).toBe(10_000);
}, 300_000);
