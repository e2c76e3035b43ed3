import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { count, idText } from '../../helpers/answerFields';
import { anyServiceTimeToIso, type TimeZones } from '../../helpers/time';

/**
 * What the service answers about who attended. The manual's pages show the same attendee with
 * different field names (user_name or name) and times either as service texts or in UTC (`...Z`):
 * both are accepted, and every time gets an ISO twin in the item zone.
 */

const time = z.string().nullable().optional();

const attendee = z
	.object({
		user_id: idText.optional(),
		user_name: z.string().optional(),
		name: z.string().optional(),
		meeting_id: idText.optional(),
		join_time: time,
		leave_time: time,
	})
	.passthrough();

const attendeeList = z
	.array(attendee)
	.nullable()
	.transform((list) => list ?? []);

/** data of share/participants: the attendees of one held session, times in UTC (`...Z`). */
export const sessionAttendees = attendeeList;

/** data of share/meeting/{meetingId}/participants. */
export const meetingParticipants = z
	.object({
		id: idText.optional(),
		topic: z.string().optional(),
		start_time: time,
		duration: count.nullable().optional(),
		total_minutes: count.optional(),
		total_participants: count.optional(),
		participants_list: attendeeList,
	})
	.passthrough();

export type MeetingParticipants = z.output<typeof meetingParticipants>;

/** A report of share/meetingdetail, in the shape of either manual page. */
const report = z
	.object({
		id: idText,
		uuid: idText.optional(),
		start_time: time,
		end_time: time,
		duration: count.nullable().optional(),
		participants_count: count.optional(),
		page_count: count.optional(),
		page_number: count.optional(),
		page_size: count.optional(),
		participants: attendeeList.optional().transform((list) => list ?? []),
	})
	.passthrough();

export type MeetingReport = z.output<typeof report>;

export type Attendee = z.output<typeof attendee>;

/**
 * data of share/meetingdetail: one report (asked by meeting number) or a list of them (asked by
 * uuid); either way a list here.
 */
export const meetingReports = z
	.union([report.transform((one) => [one]), z.array(report)])
	.describe('a meeting report, or a list of them');

/** A service time (zoneless in the service zone, or with its own Z/offset) as ISO in the item zone. */
export function isoOf(text: unknown, zones: TimeZones): string | null {
	return typeof text === 'string' && text.trim() !== '' ? anyServiceTimeToIso(text, zones) : null;
}

/** An attendee with both pages' names normalised (user_name) and ISO join and leave times. */
export function presentAttendee(person: Attendee, zones: TimeZones): IDataObject {
	const shaped: IDataObject = { ...(person as IDataObject) };
	if (shaped.user_name === undefined && typeof person.name === 'string') shaped.user_name = person.name;
	shaped.join_time_iso = isoOf(person.join_time, zones);
	shaped.leave_time_iso = isoOf(person.leave_time, zones);
	return shaped;
}

/** Report fields that describe the service's paging, not the meeting: the node reads every page. */
const PAGING_FIELDS = ['page_count', 'page_number', 'page_size'];

/**
 * A report with its attendees: times get ISO twins in the item zone, the meeting number is also
 * given as meeting_id (as the meeting operations output it), the service's paging fields are left
 * out because `participants` holds every page.
 */
export function presentReport(
	meeting: MeetingReport,
	participants: IDataObject[],
	zones: TimeZones,
): IDataObject {
	const shaped: IDataObject = { meeting_id: meeting.id, ...(meeting as IDataObject) };
	for (const key of PAGING_FIELDS) delete shaped[key];
	shaped.start_time_iso = isoOf(meeting.start_time, zones);
	shaped.end_time_iso = isoOf(meeting.end_time, zones);
	shaped.participants = participants;
	shaped.time_zone = zones.item;
	return shaped;
}
