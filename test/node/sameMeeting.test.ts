import type { INodeParameters } from 'n8n-workflow';

import type { Fault, FaultOptions } from '../simulator/server';
import { runUMeeting } from '../helpers/engine';
import { callService } from '../helpers/poll';
import { useSimulator } from '../helpers/simulator';

/**
 * If the Same Meeting Exists (Return It): no meeting booked twice, neither by a repeated request nor
 * after a failure that leaves unknown whether UMeeting booked; with Book Another, today's rule.
 */
const { simulator, credentials } = useSimulator();

const schedule = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Quarterly review',
	meetingCapacity: 10,
	startTime: '2026-12-10T09:30:00',
	duration: 60,
	ifExists: 'returnIt',
	...extra,
});

const run = (
	parameters: INodeParameters,
	extra: { items?: number; asTool?: boolean; continueOnFail?: boolean } = {},
) =>
	runUMeeting({
		credentials: credentials(),
		workflowTimeZone: 'Europe/Berlin',
		parameters,
		items: extra.items ? Array.from({ length: extra.items }, (_, index) => ({ index })) : undefined,
		asTool: extra.asTool,
		continueOnFail: extra.continueOnFail,
	});

const meetings = () => simulator.store.all().filter((meeting) => !meeting.deleted);

describe('Return It: the same meeting is not booked again', () => {
	test('a live meeting with the same topic, start, duration and User Key is returned, marked existing', async () => {
		const first = await run(schedule({ additionalFields: { userKey: 'crm-42' } }));
		expect(first.error).toBeUndefined();
		expect(first.output![0].json.existing).toBeUndefined();
		simulator.requests.length = 0;
		const again = await run(schedule({ additionalFields: { userKey: 'crm-42' } }));
		expect(again.error).toBeUndefined();
		expect(again.output![0].json).toMatchObject({
			meeting_id: first.output![0].json.meeting_id,
			existing: true,
			topic: 'Quarterly review',
			start_time_iso: '2026-12-10T09:30:00+01:00',
		});
		expect(simulator.requests.map((request) => request.path)).toEqual([
			'/umeeting/share/list',
			'/umeeting/share/get',
		]);
		expect(simulator.requestsTo('share/list')[0].form.user_key).toBe('crm-42');
		expect(meetings()).toHaveLength(1);
	});

	test('another start, duration, topic or User Key is another meeting', async () => {
		await run(schedule());
		for (const change of [
			{ startTime: '2026-12-10T10:30:00' },
			{ duration: 90 },
			{ topic: 'Quarterly review (2)' },
			{ additionalFields: { userKey: 'other' } },
		]) {
			const { output, error } = await run(schedule(change));
			expect(error).toBeUndefined();
			expect(output![0].json.existing).toBeUndefined();
		}
		expect(meetings()).toHaveLength(5);
	});

	test('50 items naming 40 meetings (10 repeated): 40 booked, one listing, every output paired with its item', async () => {
		const { output, error } = await run(
			schedule({ topic: '={{ "Call " + ($json.index % 40) }}', options: { maxParallel: 5 } }),
			{ items: 50 },
		);
		expect(error).toBeUndefined();
		expect(meetings()).toHaveLength(40);
		expect(simulator.requestsTo('share/schedule')).toHaveLength(40);
		expect(simulator.requestsTo('share/list')).toHaveLength(1);
		expect(output!.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 50 }, (_, item) => ({ item })),
		);
		for (let index = 40; index < 50; index++) {
			expect(output![index].json).toMatchObject({
				meeting_id: output![index - 40].json.meeting_id,
				existing: true,
			});
		}
	});

	test('Continue On Fail: an item the service refuses is an error item, the others are booked once', async () => {
		simulator.injectFault(
			{ type: 'bodyStatus', status: 400, message: 'topic not allowed' },
			{ path: '/umeeting/share/schedule', skip: 1 },
		);
		const { output, error } = await run(
			schedule({ topic: '={{ "Call " + ($json.index % 2) }}', options: { maxParallel: 1 } }),
			{ items: 4, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(output!.map((item) => item.json.error ?? item.json.meeting_id)).toEqual([
			output![0].json.meeting_id,
			'UMeeting refused the request (share/schedule): topic not allowed',
			output![0].json.meeting_id,
			// The same meeting as item 1, which failed: its error, no second attempt.
			'UMeeting refused the request (share/schedule): topic not allowed',
		]);
		expect(meetings()).toHaveLength(1);
	});

	test('as an AI agent tool, the same call twice gives one meeting (Return It is the tool default)', async () => {
		const call = schedule();
		delete call.ifExists;
		const first = await run(call, { asTool: true });
		const second = await run(call, { asTool: true });
		expect(first.error).toBeUndefined();
		expect(second.output![0].json).toMatchObject({
			meeting_id: first.output![0].json.meeting_id,
			existing: true,
		});
		expect(meetings()).toHaveLength(1);
	});

	test('on a normal node the default is Book Another: the same request twice books twice', async () => {
		const call = schedule();
		delete call.ifExists;
		await run(call);
		await run(call);
		expect(meetings()).toHaveLength(2);
		expect(simulator.requestsTo('share/list')).toHaveLength(0);
	});

	test('Start Instant Meeting: an instant meeting of the same topic started in the last 15 minutes is returned', async () => {
		const instant = {
			resource: 'meeting',
			operation: 'createInstant',
			topic: 'Incident bridge',
			meetingCapacity: 10,
		};
		const first = await run({ ...instant, ifExists: 'returnIt' });
		const second = await run({ ...instant, ifExists: 'returnIt' });
		expect(second.output![0].json).toMatchObject({
			meeting_id: first.output![0].json.meeting_id,
			existing: true,
		});
		expect(meetings()).toHaveLength(1);
	});
});

/** Failures after which UMeeting may have booked: the fault strikes the schedule call after it acted. */
const UNCLEAR: Array<[string, Fault, FaultOptions, number | undefined]> = [
	['a timeout after the service booked', { type: 'slow', delayMs: 1500 }, { afterProcessing: true }, 400],
	['the connection reset after sending', { type: 'drop' }, { afterProcessing: true }, undefined],
	['an answer cut off', { type: 'notJson' }, { afterProcessing: true }, undefined],
	['HTTP 500 after booking', { type: 'http', status: 500 }, { afterProcessing: true }, undefined],
];

describe('after a failure that leaves unknown whether UMeeting booked', () => {
	test.each(UNCLEAR)(
		'%s, Return It: the meeting is looked up and returned, marked recovered; one meeting',
		async (_, fault, options, timeout) => {
			simulator.injectFault(fault, { ...options, path: '/umeeting/share/schedule' });
			const { output, error } = await run(schedule(timeout ? { options: { timeout } } : {}));
			expect(error).toBeUndefined();
			expect(meetings()).toHaveLength(1);
			expect(output![0].json).toMatchObject({ meeting_id: meetings()[0].id, recovered: true });
			expect(simulator.requestsTo('share/schedule')).toHaveLength(1);
		},
	);

	test.each(UNCLEAR)(
		'%s, Book Another: the item fails as before, one meeting',
		async (_, fault, options, timeout) => {
			simulator.injectFault(fault, { ...options, path: '/umeeting/share/schedule' });
			const { error } = await run(
				schedule({ ifExists: 'bookAnother', ...(timeout ? { options: { timeout } } : {}) }),
			);
			expect(error).toBeDefined();
			expect(error!.description).not.toMatch(/looked for the meeting/);
			expect(meetings()).toHaveLength(1);
			expect(simulator.requestsTo('share/list')).toHaveLength(0);
		},
	);

	test('the listing lags one look behind the booking: the second look finds it', async () => {
		await run(schedule({ topic: 'Warm-up' }));
		simulator.requests.length = 0;
		simulator.injectFault(
			{ type: 'http', status: 500 },
			{ path: '/umeeting/share/schedule', afterProcessing: true },
		);
		// The first look after the failure gets the answer the first listing of this run got.
		simulator.injectFault({ type: 'stale' }, { path: '/umeeting/share/list', skip: 1 });
		const { output, error } = await run(schedule());
		expect(error).toBeUndefined();
		expect(output![0].json.recovered).toBe(true);
		expect(simulator.requestsTo('share/list')).toHaveLength(3);
		expect(meetings()).toHaveLength(2);
	});

	test('the connection dropped before the service read the request: not found after 3 looks, not sent again, a clear error', async () => {
		simulator.injectFault({ type: 'drop' }, { path: '/umeeting/share/schedule' });
		const { error } = await run(schedule());
		expect(error!.message).toMatch(/share\/schedule/);
		expect(error!.description).toMatch(
			/looked for the meeting in UMeeting's live list 3 times over 2 s and did not find it; it did not send the booking again/,
		);
		expect(simulator.requestsTo('share/schedule')).toHaveLength(1);
		expect(simulator.requestsTo('share/list')).toHaveLength(4);
		expect(meetings()).toHaveLength(0);
		// Running it again looks once more and books.
		const again = await run(schedule());
		expect(again.error).toBeUndefined();
		expect(meetings()).toHaveLength(1);
	});

	test('a refusal is clear: no look-up, the error as before', async () => {
		await callService(simulator, 'share/schedule', {
			topic: 'Other',
			meeting_capacity: '10',
			start_time: '2026-12-10 16:30:00',
			duration: '60',
		});
		simulator.injectFault(
			{ type: 'bodyStatus', status: 400, message: 'no room free' },
			{ path: '/umeeting/share/schedule' },
		);
		const { error } = await run(schedule());
		expect(error!.message).toBe('UMeeting refused the request (share/schedule): no room free');
		expect(simulator.requestsTo('share/list')).toHaveLength(1);
	});
});

describe('End and Delete repeated after a failure', () => {
	const booked = async () =>
		String(
			(
				await callService(simulator, 'share/schedule', {
					topic: 'To close',
					meeting_capacity: '10',
					start_time: '2026-12-10 16:30:00',
					duration: '60',
				})
			).meeting_id,
		);

	test('End whose answer was lost: the meeting is ended, so the item says so (already_ended)', async () => {
		const id = await booked();
		simulator.injectFault({ type: 'drop' }, { path: '/umeeting/share/end', afterProcessing: true });
		const { output, error } = await run({ resource: 'meeting', operation: 'end', meetingId: id });
		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({ success: true, meeting_id: id, ended: true, already_ended: true });
		expect(simulator.store.get(id)!.status).toBe(3);
	});

	test('End and Delete run again on a meeting already closed: reported plainly instead of failing', async () => {
		const id = await booked();
		expect((await run({ resource: 'meeting', operation: 'end', meetingId: id })).error).toBeUndefined();
		const again = await run({ resource: 'meeting', operation: 'end', meetingId: id });
		expect(again.output![0].json).toMatchObject({ ended: true, already_ended: true });
		const other = await booked();
		expect((await run({ resource: 'meeting', operation: 'delete', meetingId: other })).error).toBeUndefined();
		const deleteAgain = await run({ resource: 'meeting', operation: 'delete', meetingId: other });
		expect(deleteAgain.output![0].json).toMatchObject({ deleted: true, already_deleted: true });
	});

	test('a meeting UMeeting does not know: the failure stays a failure', async () => {
		const { error } = await run({ resource: 'meeting', operation: 'end', meetingId: '1234567890' });
		expect(error!.message).toMatch(/UMeeting refused the request \(share\/end\)/);
	});
});
