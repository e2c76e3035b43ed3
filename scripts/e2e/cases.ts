import type { UMeetingSimulator } from '../../test/simulator';
import type { Checks } from './checks';
import type { CliResult } from './n8nCli';

export interface E2eCase {
	/** File in examples/ holding the workflow. */
	file: string;
	/** Shown in the log; defaults to the file name. */
	title?: string;
	/** Makes the simulator misbehave before the run. */
	arrange?: (simulator: UMeetingSimulator) => void;
	expectExit: 0 | 1;
	verify(result: CliResult, simulator: UMeetingSimulator, check: Checks): void;
}

export function umeetingItems(result: CliResult, node = 'UMeeting') {
	return result.json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];
}

function secretOnlyInBody(simulator: UMeetingSimulator, check: Checks) {
	for (const request of simulator.requests) {
		check.equal(request.form.api_secret, simulator.apiSecret, 'the secret is in the form body');
		check.equal(request.form.api_key, simulator.apiKey, 'the key is in the form body');
		check.equal(request.query, '', 'the URL carries no query string');
		check.that(
			!JSON.stringify(request.headers).includes(simulator.apiSecret),
			'no header carries the secret',
		);
		check.that(
			/^application\/x-www-form-urlencoded/.test(String(request.headers['content-type'])),
			'the body is form-encoded',
			request.headers['content-type'],
		);
	}
}

const credentials = (simulator: UMeetingSimulator) => ({
	api_key: simulator.apiKey,
	api_secret: simulator.apiSecret,
});

export const CASES: E2eCase[] = [
	{
		file: 'schedule-one-meeting.json',
		expectExit: 0,
		verify(result, simulator, check) {
			const requests = simulator.requestsTo('share/schedule');
			check.equal(requests.length, 1, 'one schedule request');
			check.equal(
				requests[0]?.form,
				{
					topic: 'Quarterly review',
					meeting_capacity: '10',
					start_time: '2026-12-01 10:00:00',
					duration: '60',
					mute_upon_entry: 'true',
					recording: 'cloud',
					host_name: 'Wang Fang',
					...credentials(simulator),
				},
				'the exact form body',
			);
			const items = umeetingItems(result);
			const meeting = simulator.store.all()[0];
			check.equal(items.length, 1, 'one output item');
			check.equal(
				items[0]?.json,
				{ ...meeting?.data, start_time_iso: '2026-12-01T10:00:00+08:00' },
				'the output item is the response data, with the start as ISO 8601 in the workflow zone',
			);
			check.equal(items[0]?.pairedItem, { item: 0 }, 'the item is paired with its input');
			secretOnlyInBody(simulator, check);
		},
	},
	{
		file: 'schedule-from-items.json',
		expectExit: 0,
		verify(result, simulator, check) {
			const sent = simulator
				.requestsTo('share/schedule')
				.map((r) => [r.form.topic, r.form.start_time, r.form.user_key]);
			check.equal(
				sent,
				[
					['Kick-off with ACME Corp', '2026-12-07 09:30:00', 'ada@acme.example'],
					['Kick-off with Globex', '2026-12-07 11:00:00', 'grace@globex.example'],
					['Kick-off with Initech', '2026-12-08 14:00:00', 'linus@initech.example'],
				],
				'topic, start time (in the workflow zone Asia/Shanghai) and user key from each item',
			);
			const items = umeetingItems(result);
			check.equal(
				items.map((i) => [i.json.meeting_id, i.pairedItem]),
				simulator.store.all().map((m, index) => [m.id, { item: index }]),
				'one meeting per item, in item order, each paired with its item',
			);
			secretOnlyInBody(simulator, check);
		},
	},
	{
		file: 'recurring-meeting.json',
		expectExit: 0,
		verify(result, simulator, check) {
			const [request] = simulator.requestsTo('share/schedule');
			check.equal(
				request?.form,
				{
					topic: 'Team stand-up',
					meeting_capacity: '12',
					start_time: '2026-12-01 09:00:00',
					duration: '45',
					recurrence_type: '2',
					weekly_days: '2,4',
					end_times: '6',
					...credentials(simulator),
				},
				'the recurrence on the wire',
			);
			const occurrences = umeetingItems(result)[0]?.json.occurrences as
				| Array<{ start_time: string }>
				| undefined;
			check.equal(
				occurrences?.map((o) => o.start_time),
				['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10', '2026-12-15', '2026-12-17'].map(
					(d) => `${d} 09:00:00`,
				),
				'the occurrences reach the output',
			);
		},
	},
	{
		file: 'continue-on-fail.json',
		expectExit: 0,
		verify(result, simulator, check) {
			const items = umeetingItems(result);
			check.equal(items.length, 3, 'three output items');
			check.that(typeof items[0]?.json.meeting_id === 'string', 'item 0 got its meeting', items[0]);
			check.equal(
				items[1]?.json.error,
				'Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)',
				'item 1 is an error item naming field, rule and item',
			);
			check.equal(items[1]?.pairedItem, { item: 1 }, 'the error item is paired with its input');
			check.that(typeof items[2]?.json.meeting_id === 'string', 'item 2 got its meeting', items[2]);
			check.equal(simulator.store.created, 2, 'two meetings created, none for the bad item');
		},
	},
	{
		file: 'schedule-one-meeting.json',
		title: 'service refusal that echoes the secret',
		arrange: (simulator) =>
			simulator.injectFault({
				type: 'bodyStatus',
				status: 401,
				message: `api_secret ${simulator.apiSecret} is not valid`,
			}),
		expectExit: 1,
		verify(result, simulator, check) {
			const log = `${result.stdout}\n${result.stderr}`;
			check.that(
				log.includes('UMeeting refused the request (share/schedule): api_secret *** is not valid'),
				'the CLI reports the service message, scrubbed',
				{
					stdout: result.stdout.slice(-1500),
				},
			);
			check.equal(simulator.store.created, 0, 'no meeting created');
		},
	},
	{
		file: 'meeting-lifecycle.json',
		expectExit: 0,
		verify(result, simulator, check) {
			const [scheduled] = umeetingItems(result, 'Schedule');
			const id = scheduled?.json.meeting_id as string;
			check.equal(
				umeetingItems(result, 'Get')[0]?.json.status_name,
				'scheduled',
				'Get reads the new meeting',
			);
			check.equal(
				umeetingItems(result, 'Reschedule')[0]?.json.start_time,
				'2026-12-04 16:00:00',
				'Update moves it, keeping the duration it read first',
			);
			check.equal(
				umeetingItems(result, 'Scheduled Meetings').map((item) => item.json.id),
				[id],
				'Get Many lists it',
			);
			check.equal(umeetingItems(result, 'End')[0]?.json, { success: true, id, ended: true }, 'End ends it');
			check.equal(
				umeetingItems(result, 'Delete')[0]?.json,
				{ success: true, id, deleted: true },
				'Delete removes it',
			);
			check.equal(
				simulator.requests.map((r) => r.path.replace('/umeeting/', '')),
				[
					'share/schedule',
					'share/get',
					'share/get',
					'share/update',
					'share/list',
					'share/end',
					'share/delete',
				],
				'the calls, in order',
			);
			check.that(
				simulator.store.get(id)?.deleted === true && simulator.store.get(id)?.status === 3,
				'the meeting ended and was deleted',
			);
		},
	},
	{
		file: 'stop-on-fail.json',
		expectExit: 1,
		verify(result, simulator, check) {
			const message = 'Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)';
			check.that(`${result.stdout}\n${result.stderr}`.includes(message), 'the CLI reports our message', {
				stdout: result.stdout.slice(-1500),
				stderr: result.stderr.slice(-1500),
			});
			// With the default Max Parallel Requests (5), items 0 and 2 are under way when item 1 is refused;
			// they finish, nothing new starts, and the bad item sends nothing.
			check.equal(
				simulator.store.all().map((m) => m.topic).sort(),
				['Review with ACME Corp', 'Review with Initech'],
				'the items under way finished; the bad item sent nothing',
			);
		},
	},
];
