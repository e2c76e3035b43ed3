import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';

import { createdMeeting, meetingDetails, noData } from '../../nodes/UMeeting/meetings/answers';
import { scheduleSchema } from '../../nodes/UMeeting/actions/meeting/schedule.schema';
import { updateSchema } from '../../nodes/UMeeting/actions/meeting/update.schema';
import { buildInvitation, invitationSequence } from '../../nodes/UMeeting/helpers/ics';
import { readServiceTime } from '../../nodes/UMeeting/helpers/time';
import type { Difference } from './findings';
import type { Recorder } from './report';
import type { LiveSettings } from './settings';

/** Marks the meeting as this suite's in every list of the account, so that no one takes it for a real one. */
export const CONTRACT_TOPIC = 'n8n-nodes-umeeting contract check (safe to delete)';

const BOOKED_MINUTES = 45;
const UPDATED_MINUTES = 60;

interface Booking {
	start: DateTime;
	minutes: number;
}

/**
 * --write: books one meeting a year ahead (no one is invited, no room is taken near today), reads
 * it back, moves it an hour and lengthens it, reads it again, writes its .ics file from what the
 * service answered and reads that file with an independent parser, then deletes the meeting. The
 * forms are built by the node's own Schedule and Update schemas. Whatever happens, a meeting that
 * was booked is deleted at the end; one that could not be is returned, to be reported.
 */
export async function checkWrites(
	recorder: Recorder,
	settings: LiveSettings,
	capacity: number | undefined,
): Promise<string[]> {
	if (capacity === undefined) {
		recorder.skip('share/schedule', 'needs a room size: licensing named none with rooms', 'book');
		return [];
	}
	const zone = settings.serviceTimeZone;
	const booked: Booking = {
		start: DateTime.now().setZone(zone).plus({ years: 1 }).startOf('day').set({ hour: 10 }),
		minutes: BOOKED_MINUTES,
	};
	const zones = { workflowTimeZone: zone, serviceTimeZone: zone };
	const { form } = scheduleSchema.parse({
		topic: CONTRACT_TOPIC,
		meetingCapacity: capacity,
		startTime: booked.start.toISO(),
		duration: booked.minutes,
		...zones,
	});
	const created = await recorder.call('share/schedule', form, createdMeeting, 'book');
	const answer = created.ok ? created.data : created.raw;
	const meetingId = (answer as { meeting_id?: unknown } | undefined)?.meeting_id;
	if (meetingId === undefined || meetingId === null || meetingId === '') {
		// No id to delete by. Only a refusal says nothing was booked; after no answer, an HTTP error
		// or an answer without an id the meeting may exist: say where to look.
		const refused = !created.ok && created.answered && created.raw === undefined;
		return refused
			? []
			: [`a meeting titled "${CONTRACT_TOPIC}" at ${form.start_time} (${zone}), if the service booked it`];
	}
	const id = String(meetingId);
	let deleted = false;
	try {
		deleted = await roundTrip(recorder, id, booked, zone);
	} catch (error) {
		recorder.failure(
			'round trip',
			'stopped',
			`the suite stopped: ${error instanceof Error ? error.message : String(error)}`,
		);
	} finally {
		if (!deleted) deleted = (await recorder.call('share/delete', { id }, noData, 'clean up')).ok;
	}
	return deleted ? [] : [`meeting ${id} "${CONTRACT_TOPIC}"`];
}

/** The steps after the booking; whether the last one, the delete, went through. */
async function roundTrip(recorder: Recorder, id: string, booked: Booking, zone: string): Promise<boolean> {
	const first = await readBack(recorder, id, booked, 'read back');
	if (!first) return false;
	const moved: Booking = { start: booked.start.plus({ hours: 1 }), minutes: UPDATED_MINUTES };
	const { form: changes } = updateSchema.parse({
		meetingId: id,
		updateFields: { startTime: moved.start.toISO(), duration: moved.minutes },
		workflowTimeZone: zone,
		serviceTimeZone: zone,
		current: first,
	});
	if (!(await recorder.call('share/update', changes, noData, 'update')).ok) return false;
	const second = await readBack(recorder, id, moved, 'read after update');
	if (second) checkInvitation(recorder, id, second, moved, zone);
	return (await recorder.call('share/delete', { id }, noData, 'delete')).ok;
}

type ReadMeeting = { start_time: string; duration: number; topic?: string; join_url?: string };

/** share/get of the meeting, and whether it holds what was booked: same topic, start and length. */
async function readBack(
	recorder: Recorder,
	id: string,
	expected: Booking,
	purpose: string,
): Promise<ReadMeeting | undefined> {
	const got = await recorder.call('share/get', { meeting_id: id }, meetingDetails, purpose);
	if (!got.ok) return undefined;
	const meeting = got.data as Partial<ReadMeeting>;
	const start =
		typeof meeting.start_time === 'string'
			? readServiceTime(meeting.start_time, expected.start.zoneName!)
			: null;
	const problems: Difference[] = [];
	if (meeting.topic !== CONTRACT_TOPIC)
		problems.push({ path: 'topic', expected: 'the topic booked', got: describeOther(meeting.topic) });
	if (!start || start.toMillis() !== expected.start.toMillis())
		problems.push({
			path: 'start_time',
			expected: `${expected.start.toFormat('yyyy-MM-dd HH:mm:ss')} (the instant sent, in the service zone)`,
			got: start ? `${start.toFormat('yyyy-MM-dd HH:mm:ss')}` : describeOther(meeting.start_time),
		});
	if (meeting.duration !== expected.minutes)
		problems.push({
			path: 'duration',
			expected: String(expected.minutes),
			got: describeOther(meeting.duration),
		});
	recorder.verdict(
		'round trip',
		`${purpose}: as sent`,
		problems,
		'topic, start_time and duration compared with the request',
	);
	return problems.length ? undefined : (meeting as ReadMeeting);
}

/** A value of the suite's own meeting, which holds nothing secret, as the report shows it. */
function describeOther(value: unknown): string {
	return value === undefined ? 'missing' : JSON.stringify(value);
}

/**
 * The .ics file the node attaches, written from what share/get answered, read by node-ical: one
 * event, the meeting's UID, starting at the instant booked and lasting as long.
 */
function checkInvitation(
	recorder: Recorder,
	id: string,
	meeting: ReadMeeting,
	expected: Booking,
	zone: string,
) {
	const stamp = new Date();
	const text = buildInvitation({
		method: 'PUBLISH',
		meetingId: id,
		topic: meeting.topic ?? CONTRACT_TOPIC,
		joinUrl: meeting.join_url,
		organizer: { email: 'contract-check@example.com' },
		start: meeting.start_time,
		serviceZone: zone,
		durationMinutes: meeting.duration,
		sequence: invitationSequence(stamp),
		stamp,
	});
	const events = Object.values(nodeIcal.sync.parseICS(text)).filter((part) => part.type === 'VEVENT');
	const problems: Difference[] = [];
	const event = events[0] as nodeIcal.VEvent | undefined;
	if (events.length !== 1 || !event) {
		problems.push({ path: 'VEVENT', expected: 'one event', got: `${events.length} events` });
	} else {
		const start = event.start.getTime();
		const end = event.end.getTime();
		const wantedStart = expected.start.toMillis();
		if (event.uid !== `${id}@umeeting`)
			problems.push({ path: 'UID', expected: `${id}@umeeting`, got: String(event.uid) });
		if (start !== wantedStart)
			problems.push({
				path: 'DTSTART',
				expected: new Date(wantedStart).toISOString(),
				got: new Date(start).toISOString(),
			});
		if (end - start !== expected.minutes * 60_000)
			problems.push({
				path: 'DTEND',
				expected: `${expected.minutes} minutes after DTSTART`,
				got: `${(end - start) / 60_000} minutes`,
			});
	}
	recorder.verdict(
		'invitation (.ics)',
		'written from the meeting read back',
		problems,
		`${text.length} characters, read by node-ical`,
	);
}
