import type { IDataObject } from 'n8n-workflow';

import { runChain, runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import { LIVE_STREAM_NOT_FOUND } from '../simulator/endpoints/liveStream';

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });

const ZONE = 'America/New_York';

const scheduleStep = (topic: string) => ({
	resource: 'meeting',
	operation: 'schedule',
	topic,
	meetingCapacity: 8,
	startTime: '2026-12-01T10:00:00',
	duration: 60,
	additionalFields: { allowLiveStreaming: true },
});

const deleteStream = (liveId: string) => ({ resource: 'meeting', operation: 'deleteLiveStream', liveId });

async function run(liveId: string, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	simulator.requests.length = 0;
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		parameters: deleteStream(liveId),
		...options,
	});
}

async function streamedMeeting(topic = 'Launch') {
	const { output, error } = await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		parameters: scheduleStep(topic),
	});
	expect(error).toBeUndefined();
	return output![0].json as { meeting_id: string; live_id: string };
}

describe('Meeting → Delete Live Stream', () => {
	test('Schedule → Delete Live Stream by drag and drop: the id goes in the path, the meeting loses its stream', async () => {
		const { outputs, error } = await runChain({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			steps: [
				{ name: 'Schedule', parameters: scheduleStep('Launch') },
				{ name: 'Delete Live Stream', parameters: deleteStream('={{ $json.live_id }}') },
			],
		});
		expect(error).toBeUndefined();
		const scheduled = outputs.Schedule![0].json as { meeting_id: string; live_id: string };
		expect(scheduled.live_id).toMatch(/^\d+$/);
		const deletion = simulator.requests[1];
		expect(deletion.path).toBe(`/umeeting/live/${scheduled.live_id}/delete`);
		expect(deletion.query).toBe('');
		expect(deletion.form).toEqual({ api_key: simulator.apiKey, api_secret: simulator.apiSecret });
		expect(outputs['Delete Live Stream']).toEqual([
			{ json: { success: true, live_id: scheduled.live_id, deleted: true }, pairedItem: { item: 0 } },
		]);

		// Get then shows no stream.
		const { output } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			parameters: {
				resource: 'meeting',
				operation: 'get',
				meetingId: { __rl: true, mode: 'id', value: scheduled.meeting_id },
			},
		});
		expect(output![0].json).toMatchObject({ id: scheduled.meeting_id, allow_live_streaming: 'false' });
		expect(output![0].json).not.toHaveProperty('play_addr');
		expect(output![0].json).not.toHaveProperty('watch_url');
		expect(simulator.store.get(scheduled.meeting_id)!.live).toBeUndefined();
	});

	test('several items delete several streams; a live id that came as a number is accepted', async () => {
		const first = await streamedMeeting('One');
		const second = await streamedMeeting('Two');
		// A number keeps no leading zero, which a generated id may have: this one has none.
		simulator.store.get(second.meeting_id)!.live!.live_id = second.live_id = '87654321';
		const { output, error } = await run('={{ $json.live }}', {
			items: [{ live: first.live_id }, { live: Number(second.live_id) }],
		});
		expect(error).toBeUndefined();
		expect(simulator.requests.map((r) => r.path).sort()).toEqual(
			[`/umeeting/live/${first.live_id}/delete`, `/umeeting/live/${second.live_id}/delete`].sort(),
		);
		expect(output!.map((item) => [item.json.live_id, item.pairedItem])).toEqual([
			[first.live_id, { item: 0 }],
			['87654321', { item: 1 }],
		]);
	});

	test('an unknown or already deleted live id is a NodeApiError with the service message', async () => {
		const { live_id } = await streamedMeeting();
		expect((await run(live_id)).error).toBeUndefined();
		const again = await run(live_id);
		expect(again.error!.name).toBe('NodeApiError');
		expect(again.error!.message).toBe(
			`UMeeting refused the request (live/${live_id}/delete): ${LIVE_STREAM_NOT_FOUND}`,
		);
	});

	test('with Continue On Fail a refused item becomes an error item, the others go through', async () => {
		const { live_id } = await streamedMeeting();
		const { output, error } = await run('={{ $json.live }}', {
			continueOnFail: true,
			items: [{ live: '99999999' }, { live: live_id }],
		});
		expect(error).toBeUndefined();
		expect(output!.map((item) => [item.json.error ?? item.json.deleted, item.pairedItem])).toEqual([
			[`UMeeting refused the request (live/99999999/delete): ${LIVE_STREAM_NOT_FOUND}`, { item: 0 }],
			[true, { item: 1 }],
		]);
		expect(simulator.store.all()[0].live).toBeUndefined();
	});

	test.each([
		['={{ "" }}', '""'],
		['../share/delete', '"../share/delete"'],
		['123/456', '"123/456"'],
		['12 34', '"12 34"'],
		['%2e%2e', '"%2e%2e"'],
		['1234?x=1', '"1234?x=1"'],
		['9'.repeat(65), `"${'9'.repeat(65)}"`],
		['={{ 12.5 }}', '12.5'],
		['={{ { id: 1 } }}', '{"id":1}'],
	])('live id %s is refused before anything is sent, naming the field and item', async (liveId, shown) => {
		const { error } = await run(liveId, { items: [{}, {}] });
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(
			`Invalid input in item 0: "Live Stream ID" must be a live_id: digits (letters, "_" and "-" allowed), at most 64 characters (got ${shown})`,
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('one bad item stops the run before any stream is deleted', async () => {
		const { live_id } = await streamedMeeting();
		const { error } = await run('={{ $json.live }}', { items: [{ live: live_id }, { live: 'x/y' }] });
		expect(error!.message).toBe(
			'Invalid input in item 1: "Live Stream ID" must be a live_id: digits (letters, "_" and "-" allowed), at most 64 characters (got "x/y")',
		);
		expect(simulator.requests).toHaveLength(0);
		expect(simulator.store.all()[0].live!.live_id).toBe(live_id);
	});
});
