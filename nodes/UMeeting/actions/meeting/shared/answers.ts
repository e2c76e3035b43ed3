import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { count, idText } from '../../../helpers/answerFields';
import { toIsoInZone } from '../../../helpers/time';

/**
 * What the service answers about meetings. Meeting IDs, join URLs and paging fields are what
 * callers rely on and are required; numbers the docs show both as numbers and as strings are
 * normalised; fields not listed pass through unchanged.
 */

const occurrence = z.object({ start_time: z.string(), uuid: idText }).passthrough();

/** data of share/schedule and share/instant. */
export const createdMeeting = z
	.object({
		meeting_id: idText,
		join_url: z.string().min(1),
		host_key: idText.optional(),
		host_id: idText.optional(),
		live_id: idText.optional(),
		ready_time: count.optional(),
		occurrences: z.array(occurrence).optional(),
	})
	.passthrough();

/** data of share/get, and a row of share/list and share/history. */
export const meetingDetails = z
	.object({
		id: idText,
		topic: z.string().optional(),
		start_time: z.string().optional(),
		duration: count.optional(),
		meeting_capacity: count.optional(),
		status: count.optional(),
		type: idText.optional(),
		host_key: idText.optional(),
		occurrences: z.array(occurrence).optional(),
	})
	.passthrough();

/** data of share/list and share/history. */
export const meetingPage = z
	.object({
		page_num: count,
		page_size: count,
		total_record: count.optional(),
		total_page: count,
		has_next_page: z
			.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
			.optional(),
		meetings: z
			.array(meetingDetails)
			.nullable()
			.transform((rows) => rows ?? []),
	})
	.passthrough();

/** data of share/token. */
export const hostToken = z.object({ host_id: idText, token: z.string().min(1) }).passthrough();

/** data of share/getStartUrl. */
export const startUrl = z.object({ start_url: z.string().min(1) }).passthrough();

/** Calls that answer without data (update, end, delete, resetCapacity): whatever comes is ignored. */
export const noData = z.unknown().transform(() => undefined);

const MEETING_STATES: Record<number, string> = {
	0: 'scheduled',
	1: 'in progress',
	2: 'cancelled',
	3: 'ended',
};

/**
 * Shapes a meeting for output: each service time gets an ISO 8601 twin with the offset of `zone`
 * (`start_time_iso` beside `start_time`), and the meeting state a readable name beside its code.
 */
export function presentMeeting(meeting: Record<string, unknown>, zone: string): IDataObject {
	const shaped: IDataObject = { ...(meeting as IDataObject) };
	for (const key of ['start_time', 'end_date_time']) {
		const value = meeting[key];
		if (typeof value === 'string' && value !== '') shaped[`${key}_iso`] = toIsoInZone(value, zone);
	}
	if (typeof meeting.status === 'number' && MEETING_STATES[meeting.status]) {
		shaped.status_name = MEETING_STATES[meeting.status];
	}
	if (Array.isArray(meeting.occurrences)) {
		shaped.occurrences = meeting.occurrences.map((o) => presentMeeting(o as Record<string, unknown>, zone));
	}
	return shaped;
}
