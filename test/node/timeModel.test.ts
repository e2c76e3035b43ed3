import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

// The workflow runs in New York (n8n's default zone), the service in Beijing, the machine in
// Chatham (TZ of `npm test`): three different zones, so any mix-up shows as a wrong instant.
const beijing = useSimulator();
const berlin = useSimulator({ serviceTimeZone: 'Europe/Berlin' });

const schedule = (extra: IDataObject = {}) => ({
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Kick-off',
	meetingCapacity: 5,
	startTime: '2026-12-01 09:30',
	duration: 45,
	...extra,
});

const instant = (iso: unknown) => DateTime.fromISO(String(iso), { setZone: true }).toUTC().toISO();

/** Every *_iso field of an output item (occurrences included) with the instant it stands for. */
function isoFields(json: IDataObject): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(json)) {
		if (key.endsWith('_iso') && typeof value === 'string') found.push([key, value]);
	}
	return found;
}

describe('workflow zone America/New_York, service zone Asia/Shanghai', () => {
	const { simulator, credentials } = beijing;

	test('the default Time Zone is the workflow zone: 09:30 New York is booked at 09:30 New York', async () => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule(),
		});
		expect(error).toBeUndefined();
		// Sent: the same instant written in Beijing time.
		expect(simulator.requests[0].form.start_time).toBe('2026-12-01 22:30:00');
		const [stored] = simulator.store.all();
		expect(stored.start_instant).toBe(instant('2026-12-01T09:30:00-05:00'));
		const json = output![0].json;
		expect(json).toMatchObject({
			start_time: '2026-12-01 22:30:00',
			start_time_iso: '2026-12-01T09:30:00-05:00',
			end_time_iso: '2026-12-01T10:15:00-05:00',
			time_zone: 'America/New_York',
		});
		expect(instant(json.start_time_iso)).toBe(stored.start_instant);
	});

	test('a credential saved before Service Time Zone existed reads as Asia/Shanghai', async () => {
		const older: Record<string, string> = credentials();
		delete older.serviceTimeZone;
		await runUMeeting({ credentials: older, workflowTimeZone: 'America/New_York', parameters: schedule() });
		expect(simulator.store.all()[0].start_instant).toBe(instant('2026-12-01T09:30:00-05:00'));
	});

	test.each([
		[
			'an explicit Time Zone',
			{ timeZone: 'Europe/Paris' },
			'2026-12-01T09:30:00+01:00',
			'2026-12-01T09:30:00+01:00',
		],
		[
			'an offset',
			{ startTime: '2026-12-01T09:30:00+05:30' },
			'2026-12-01T09:30:00+05:30',
			'2026-11-30T23:00:00-05:00',
		],
		['Z', { startTime: '2026-12-01T09:30:00Z' }, '2026-12-01T09:30:00Z', '2026-12-01T04:30:00-05:00'],
		[
			'a Luxon DateTime',
			{ startTime: "={{ DateTime.fromISO('2026-12-01T09:30:00', { zone: 'Asia/Tokyo' }) }}" },
			'2026-12-01T09:30:00+09:00',
			'2026-11-30T19:30:00-05:00',
		],
		[
			'a JS Date',
			{ startTime: "={{ new Date('2026-12-01T09:30:00Z') }}" },
			'2026-12-01T09:30:00Z',
			'2026-12-01T04:30:00-05:00',
		],
	])('%s: the stored instant is the intended one', async (_label, extra, intended, shown) => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule(extra),
		});
		expect(error).toBeUndefined();
		expect(simulator.store.all()[0].start_instant).toBe(instant(intended));
		expect(output![0].json.start_time_iso).toBe(shown);
	});

	test('$now.plus(1, "day") is an instant: booked one day from now, to the second', async () => {
		const before = Date.now();
		await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule({ startTime: "={{ $now.plus(1, 'day') }}" }),
		});
		const stored = DateTime.fromISO(simulator.store.all()[0].start_instant).toMillis();
		const dayLater = before + 86_400_000;
		expect(stored).toBeGreaterThanOrEqual(dayLater - 1000);
		expect(stored).toBeLessThanOrEqual(Date.now() + 86_400_000);
	});

	test('the recurrence end date is meant in the item zone too, and every occurrence is at 21:00 New York on the days picked', async () => {
		const { output } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule({
				startTime: '2026-12-01 21:00',
				recurrence: {
					rule: {
						type: 'weekly',
						weeklyDays: ['tuesday', 'thursday'],
						endBy: 'date',
						endDateTime: '2026-12-10 21:00',
					},
				},
			}),
		});
		const { form } = simulator.requests[0];
		// 21:00 New York is 10:00 the next day in Beijing: Tuesday/Thursday there are Wednesday/Friday.
		expect(form).toMatchObject({
			start_time: '2026-12-02 10:00:00',
			weekly_days: '3,5',
			end_date_time: '2026-12-11 10:00:00',
		});
		const occurrences = output![0].json.occurrences as IDataObject[];
		expect(occurrences.map((o) => o.start_time_iso)).toEqual([
			'2026-12-01T21:00:00-05:00',
			'2026-12-03T21:00:00-05:00',
			'2026-12-08T21:00:00-05:00',
			'2026-12-10T21:00:00-05:00',
		]);
		const stored = simulator.store.all()[0].occurrences!;
		expect(occurrences.map((o) => instant(o.start_time_iso))).toEqual(
			stored.map((o) => simulator.clock.parse(o.start_time).toUTC().toISO()),
		);
	});

	test("Get Start URL's early-join window is the service's, around the intended instant", async () => {
		const { output } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule(),
		});
		const meetingId = output![0].json.meeting_id as string;
		const getStartUrl = () =>
			runUMeeting({
				credentials: credentials(),
				workflowTimeZone: 'America/New_York',
				parameters: {
					resource: 'meeting',
					operation: 'getStartUrl',
					meetingId: { __rl: true, mode: 'id', value: meetingId },
				},
			});
		// Ten minutes before 09:30 New York: inside the window.
		simulator.setNow(new Date('2026-12-01T14:20:00Z'));
		expect((await getStartUrl()).error).toBeUndefined();
		// Ten minutes before 09:30 Beijing, where a zoneless reading would have put the meeting: outside.
		simulator.setNow(new Date('2026-12-01T01:20:00Z'));
		expect((await getStartUrl()).error?.message).toContain('start URL is only available');
	});

	test('every *_iso of every operation that returns meetings parses to the stored instant', async () => {
		const base = { credentials: credentials(), workflowTimeZone: 'America/New_York' };
		const scheduled = await runUMeeting({
			...base,
			parameters: schedule({ recurrence: { rule: { type: 'daily', endTimes: 3 } } }),
		});
		const id = scheduled.output![0].json.meeting_id as string;
		const byId = { __rl: true, mode: 'id', value: id };
		const updated = await runUMeeting({
			...base,
			parameters: {
				resource: 'meeting',
				operation: 'update',
				meetingId: byId,
				timeZone: 'Asia/Kolkata',
				updateFields: { startTime: '2026-12-02 08:00' },
			},
		});
		const got = await runUMeeting({
			...base,
			parameters: { resource: 'meeting', operation: 'get', meetingId: byId },
		});
		const listed = await runUMeeting({
			...base,
			parameters: { resource: 'meeting', operation: 'getAll', returnAll: true },
		});
		const started = await runUMeeting({
			...base,
			parameters: { resource: 'meeting', operation: 'createInstant', topic: 'Now', meetingCapacity: 2 },
		});
		const stored = simulator.store.get(id)!;
		const instantMeeting = simulator.store.get(started.output![0].json.meeting_id as string)!;
		const check = (json: IDataObject, meeting: typeof stored, zone: string) => {
			expect(json.time_zone).toBe(zone);
			expect(instant(json.start_time_iso)).toBe(meeting.start_instant);
			expect(instant(json.end_time_iso)).toBe(
				DateTime.fromISO(meeting.start_instant).plus({ minutes: meeting.duration }).toUTC().toISO(),
			);
			for (const [, value] of isoFields(json))
				expect(value).toMatch(zone === 'Asia/Kolkata' ? /\+05:30$/ : /-05:00$/);
		};
		expect(stored.start_instant).toBe(instant('2026-12-02T08:00:00+05:30'));
		check(updated.output![0].json, stored, 'Asia/Kolkata');
		check(got.output![0].json, stored, 'America/New_York');
		check(listed.output!.find((o) => o.json.meeting_id === id)!.json, stored, 'America/New_York');
		check(started.output![0].json, instantMeeting, 'America/New_York');
		for (const occurrence of scheduled.output![0].json.occurrences as IDataObject[]) {
			expect(instant(occurrence.start_time_iso)).toBe(
				simulator.clock
					.parse(occurrence.start_time as string)
					.toUTC()
					.toISO(),
			);
		}
	});
});

describe('service zone Europe/Berlin, around its daylight-saving changes', () => {
	const { simulator, credentials } = berlin;
	const run = (startTime: string) =>
		runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: schedule({ startTime }),
		});

	test('spring: an instant just after the clocks skip gets the later text and is stored right', async () => {
		const { output } = await run('2026-03-29T01:30:00Z');
		expect(simulator.requests[0].form.start_time).toBe('2026-03-29 03:30:00');
		expect(simulator.store.all()[0].start_instant).toBe(instant('2026-03-29T01:30:00Z'));
		expect(instant(output![0].json.start_time_iso)).toBe(instant('2026-03-29T01:30:00Z'));
	});

	test('autumn: the second 02:30 is sent and stored; the first, which Berlin text cannot say, is refused unsent', async () => {
		await run('2026-10-25T01:30:00Z');
		expect(simulator.requests[0].form.start_time).toBe('2026-10-25 02:30:00');
		expect(simulator.store.all()[0].start_instant).toBe(instant('2026-10-25T01:30:00Z'));
		simulator.reset();
		const { error } = await run('2026-10-25T00:30:00Z');
		expect(error!.message).toContain('"Start Time" falls in the hour that repeats');
		expect(simulator.requests).toHaveLength(0);
	});

	test('a New York start the week the two zones change on different dates', async () => {
		// 2026-03-10: New York is already on summer time, Berlin not yet: 5 hours apart, not 6.
		const { output } = await run('2026-03-10 09:30');
		expect(simulator.requests[0].form.start_time).toBe('2026-03-10 14:30:00');
		expect(output![0].json.start_time_iso).toBe('2026-03-10T09:30:00-04:00');
	});
});
