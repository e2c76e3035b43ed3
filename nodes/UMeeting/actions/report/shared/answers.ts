import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { z } from 'zod';

import { count, idText } from '../../../helpers/answerFields';
import { anyServiceTimeToIso, type TimeZones } from '../../../helpers/time';

/**
 * What the statistics endpoints answer. Only what the node relies on is required (the meeting
 * number of a row, the room of a summary line); numbers given as strings become numbers, yes/no
 * fields given as "true"/"false" or 0/1 become booleans, lists given as null become empty, and
 * fields not listed pass through unchanged.
 */

const maybeText = z.string().nullable().optional();
const maybeCount = count.nullable().optional();

/** A yes/no field as true or false, whichever way the service wrote it. */
export const yesNo = z.union([
	z.boolean(),
	z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
	z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1),
]);

/** A list the node reads: missing or null is empty. */
const list = <T extends z.ZodTypeAny>(row: T) =>
	z
		.array(row)
		.nullable()
		.optional()
		.transform((rows) => rows ?? []);

/** A list shown only on request: null is empty, and a list not sent stays absent. */
const optionalList = <T extends z.ZodTypeAny>(row: T) =>
	z
		.array(row)
		.nullable()
		.optional()
		.transform((rows) => (rows === null ? [] : rows));

/** Paging fields of share/detail and share/summary (page_num as share/list names it is also read). */
const paging = {
	page_number: maybeCount,
	page_num: maybeCount,
	page_size: maybeCount,
	total_page: maybeCount,
	total_record: maybeCount,
	has_next_page: yesNo.optional(),
	has_previous_page: yesNo.optional(),
};

const attendee = z.object({ name: maybeText, join_time: maybeText, leave_time: maybeText }).passthrough();

const phoneCall = z
	.object({
		phone_number: idText.optional(),
		start_time: maybeText,
		end_time: maybeText,
		duration: maybeCount,
		total: maybeCount,
	})
	.passthrough();

/** A row of share/detail: one meeting held in a public room. */
export const roomUsageRow = z
	.object({
		uuid: idText.optional(),
		host_id: idText.optional(),
		meeting_id: idText,
		topic: maybeText,
		start_time: maybeText,
		end_time: maybeText,
		duration: maybeCount,
		is_extra: maybeCount,
		participants: optionalList(attendee),
		telephony_usage: optionalList(phoneCall),
	})
	.passthrough();

/** data of share/detail. */
export const roomUsagePage = z
	.object({ from: maybeText, to: maybeText, ...paging, meetings: list(roomUsageRow) })
	.passthrough();

/** A line of share/summary: one public room's totals. */
export const roomTotals = z
	.object({
		host_id: idText,
		is_extra: maybeCount,
		meetings: maybeCount,
		participants: maybeCount,
		meeting_minutes: maybeCount,
		audio_participants: maybeCount,
		audio_total_duration: maybeCount,
		total_fee: maybeCount,
	})
	.passthrough();

/** data of share/summary. */
export const roomSummaryPage = z
	.object({
		from: maybeText,
		to: maybeText,
		...paging,
		total_meetings: maybeCount,
		total_participants: maybeCount,
		total_meeting_minutes: maybeCount,
		rooms: list(roomTotals),
	})
	.passthrough();

const meetingFlags = {
	has_pstn: yesNo.optional(),
	has_voip: yesNo.optional(),
	has_3rd_party_audio: yesNo.optional(),
	has_video: yesNo.optional(),
	has_screen_share: yesNo.optional(),
	has_recording: yesNo.optional(),
	has_sip: yesNo.optional(),
};

/** A row of share/hisMeeting: one meeting record (a meeting held once; a series has one per meeting). */
export const historyRow = z
	.object({
		id: idText,
		uuid: idText.optional(),
		start_time: maybeText,
		end_time: maybeText,
		duration: maybeCount,
		participants: maybeCount,
		recording: maybeCount,
		meeting_capacity: maybeCount,
		...meetingFlags,
	})
	.passthrough();

/** data of share/hisMeeting: a plain list, not paged. */
export const historyList = list(historyRow);

/**
 * The length metrics/meetings gives as a clock text: "03:55:08" (hours, minutes, seconds) or
 * "01:25" (minutes, seconds), in seconds. A bare number is taken as minutes, the unit of every
 * other duration of the API. Undefined when unreadable.
 */
export function durationSeconds(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 60);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 60);
	const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
	if (!clock) return undefined;
	const [hours, minutes, seconds] = [clock[1] ?? '0', clock[2], clock[3]].map(Number);
	if (minutes > 59 || seconds > 59) return undefined;
	return hours * 3600 + minutes * 60 + seconds;
}

/** A row of metrics/meetings: times in UTC (`...Z`), the length as a clock text. */
export const metricsRow = z
	.object({
		id: idText,
		uuid: idText.optional(),
		topic: maybeText,
		start_time: maybeText,
		end_time: maybeText,
		duration: z.union([z.string(), z.number()]).nullable().optional(),
		participants: maybeCount,
		...meetingFlags,
	})
	.passthrough();

/** data of metrics/meetings: a plain list, not paged. */
export const metricsList = list(metricsRow);

/** The instant a service time stands for: a zoneless text in the service zone, or a text with its own offset. */
export function instantOf(text: unknown, zones: TimeZones): DateTime | null {
	if (typeof text !== 'string' || text.trim() === '') return null;
	const iso = anyServiceTimeToIso(text, zones);
	if (iso === null) return null;
	const instant = DateTime.fromISO(iso, { setZone: true });
	return instant.isValid ? instant : null;
}

/**
 * Adds `<field>_iso` beside each named service time the object carries: ISO 8601 with the offset
 * of the item zone. A zoneless text is read in the service zone; one with Z or an offset is that
 * instant. Unreadable or empty times get no ISO field.
 */
export function withIsoTimes(row: IDataObject, fields: readonly string[], zones: TimeZones): IDataObject {
	const shaped: IDataObject = { ...row };
	for (const field of fields) {
		const value = row[field];
		if (typeof value !== 'string' || value.trim() === '') continue;
		const iso = anyServiceTimeToIso(value, zones);
		if (iso !== null) shaped[`${field}_iso`] = iso;
	}
	return shaped;
}
