import { DateTime } from 'luxon';

import type { UMeetingSimulator } from '../../test/simulator';
import type { Checks } from './checks';
import type { ExampleWorkflow, ImportResult } from './harness';
import type { CliResult, N8nHome } from './n8nCli';
import type { SmtpReceiver } from './smtpReceiver';

/** What a case can reach besides the run's result: the n8n it runs in and the stand-in services. */
export interface E2eContext {
	/** "v1" or "v2". */
	label: string;
	home: N8nHome;
	simulator: UMeetingSimulator;
	smtp: SmtpReceiver;
	/** The answers of import:credentials and import:workflow. */
	imports: ImportResult;
	/** Records that n8n crashed at exit after a finished run (see exitOf). */
	noteCrash(what: string): void;
}

export interface E2eCase {
	/** File in examples/ holding the workflow. */
	file: string;
	/** Shown in the log; defaults to the file name. */
	title?: string;
	/**
	 * A copy of the example made at test time, imported beside it under `id` and run instead of it;
	 * `make` may return undefined for an n8n version that runs the example as it is.
	 */
	variant?: { id: string; make(workflow: ExampleWorkflow, label: string): ExampleWorkflow | undefined };
	/** Further copies of the example the case uses, imported with the examples. */
	alsoImport?: (workflow: ExampleWorkflow) => ExampleWorkflow[];
	/** Makes the simulator misbehave before the run. */
	arrange?: (simulator: UMeetingSimulator) => void;
	/** 'import only': the workflow is imported and checked, not run; verify gets the import's answer. */
	expectExit: 0 | 1 | 'import only';
	verify(
		result: CliResult,
		simulator: UMeetingSimulator,
		check: Checks,
		context: E2eContext,
	): void | Promise<void>;
}

/** The output items of a node (the UMeeting node by default) in the run JSON. */
export function umeetingItems(result: CliResult, node = 'UMeeting') {
	return result.json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];
}

/** The instant a wall-clock text stands for in a zone, as UTC ISO (the simulator's start_instant form). */
export function instant(wallTime: string, zone: string): string {
	const time = DateTime.fromISO(wallTime.replace(' ', 'T'), { zone });
	if (!time.isValid) throw new Error(`not a wall time: ${wallTime}`);
	return time.toUTC().toISO()!;
}

/** Epoch milliseconds of an ISO 8601 text with an offset (NaN when it is not one). */
export const millis = (iso: unknown) =>
	typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }).toMillis() : Number.NaN;

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
			// Workflow zone and service zone are both Asia/Shanghai here: the text is the wall time typed.
			check.equal(
				meeting?.start_instant,
				instant('2026-12-01 10:00', 'Asia/Shanghai'),
				'the service stored the instant meant (10:00 in the workflow zone)',
			);
			check.equal(items.length, 1, 'one output item');
			check.equal(
				items[0]?.json,
				{
					...meeting?.data,
					start_time_iso: '2026-12-01T10:00:00+08:00',
					end_time_iso: '2026-12-01T11:00:00+08:00',
					time_zone: 'Asia/Shanghai',
				},
				'the output item is the response data, with start and end as ISO 8601 in the workflow zone and its name',
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
				'topic, start time (in the service zone, here also the workflow zone Asia/Shanghai) and user key from each item',
			);
			check.equal(
				simulator.store.all().map((m) => m.start_instant),
				[
					'2026-12-07T01:30:00.000Z', // 09:30+08:00
					'2026-12-07T03:00:00.000Z', // given in UTC
					instant('2026-12-08 14:00', 'Asia/Shanghai'), // no offset: the workflow zone
				],
				'the instants stored are those the items meant',
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
			// The node's Time Zone is America/New_York (the workflow's is Asia/Shanghai): Tuesdays and
			// Thursdays 09:00 in New York are 22:00 the same day in the service zone (EST is UTC-5 all December).
			const [request] = simulator.requestsTo('share/schedule');
			check.equal(
				request?.form,
				{
					topic: 'Team stand-up',
					meeting_capacity: '12',
					start_time: '2026-12-01 22:00:00',
					duration: '45',
					recurrence_type: '2',
					weekly_days: '2,4',
					end_times: '6',
					...credentials(simulator),
				},
				'the recurrence on the wire, its start written in the service zone',
			);
			const days = ['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10', '2026-12-15', '2026-12-17'];
			check.equal(
				simulator.store
					.all()[0]
					?.occurrences?.map((o) => simulator.clock.parse(o.start_time).toUTC().toISO()),
				days.map((day) => instant(`${day} 09:00`, 'America/New_York')),
				'the service holds six meetings at 09:00 New York time, Tuesdays and Thursdays',
			);
			const item = umeetingItems(result)[0]?.json;
			const occurrences = item?.occurrences as
				| Array<{ start_time: string; start_time_iso: string; end_time_iso: string }>
				| undefined;
			check.equal(
				occurrences?.map((o) => [o.start_time, o.start_time_iso, o.end_time_iso]),
				days.map((day) => [`${day} 22:00:00`, `${day}T09:00:00-05:00`, `${day}T09:45:00-05:00`]),
				'the occurrences reach the output: service text, and start/end in the node zone',
			);
			check.equal(
				[item?.start_time, item?.start_time_iso, item?.end_time_iso, item?.time_zone],
				['2026-12-01 22:00:00', '2026-12-01T09:00:00-05:00', '2026-12-01T09:45:00-05:00', 'America/New_York'],
				'the meeting times in the output',
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
			const rescheduled = umeetingItems(result, 'Reschedule')[0]?.json;
			check.equal(
				[rescheduled?.start_time, rescheduled?.start_time_iso, rescheduled?.end_time_iso],
				['2026-12-04 16:00:00', '2026-12-04T16:00:00+08:00', '2026-12-04T16:40:00+08:00'],
				'Update moves it, keeping the duration it read first',
			);
			check.equal(
				simulator.store.get(id)?.start_instant,
				instant('2026-12-04 16:00', 'Asia/Shanghai'),
				'the service holds the new instant',
			);
			check.that(
				rescheduled !== undefined && !('password' in rescheduled),
				'the Update output has no password',
				rescheduled,
			);
			check.equal(
				umeetingItems(result, 'Scheduled Meetings').map((item) => item.json.id),
				[id],
				'Get Many lists it',
			);
			check.equal(
				umeetingItems(result, 'End')[0]?.json,
				{ success: true, meeting_id: id, ended: true },
				'End ends it',
			);
			check.equal(
				umeetingItems(result, 'Delete')[0]?.json,
				{ success: true, meeting_id: id, deleted: true },
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
			// Every item is checked before the first request: the bad item fails the run with nothing sent.
			check.equal(simulator.requests.length, 0, 'no request reached UMeeting');
			check.equal(simulator.store.created, 0, 'no meeting was booked, not even for the good items');
		},
	},
];
