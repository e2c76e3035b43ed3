import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { count, HOST_SECRETS, idText } from '../helpers/answerFields';
import { serviceTimeToIso, type TimeZones } from '../helpers/time';

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

/** What the node knows of a meeting from its own request, for answers that lack or garble it. */
export interface KnownTimes {
	start_time?: string;
	duration?: number;
}

/**
 * Shapes a meeting for output. Service times are read in the service zone and given beside the
 * service's text as ISO 8601 with the offset of the item zone: start_time_iso, end_time_iso (start
 * plus duration) and end_date_time_iso, with the item zone's name in time_zone; each occurrence of
 * a series gets the same pair. The meeting state gets a readable name beside its code.
 */
export function presentMeeting(
	meeting: Record<string, unknown>,
	zones: TimeZones,
	known: KnownTimes = {},
): IDataObject {
	const shaped: IDataObject = { ...(meeting as IDataObject) };
	const duration = typeof meeting.duration === 'number' ? meeting.duration : known.duration;
	const start = readable(meeting.start_time, zones) ? (meeting.start_time as string) : known.start_time;
	Object.assign(shaped, isoPair(start, duration, zones));
	if (typeof meeting.end_date_time === 'string' && meeting.end_date_time !== '') {
		shaped.end_date_time_iso = serviceTimeToIso(meeting.end_date_time, zones);
	}
	shaped.time_zone = zones.item;
	if (typeof meeting.status === 'number' && MEETING_STATES[meeting.status]) {
		shaped.status_name = MEETING_STATES[meeting.status];
	}
	if (Array.isArray(meeting.occurrences)) {
		shaped.occurrences = meeting.occurrences.map((occurrence: IDataObject) => ({
			...occurrence,
			...isoPair(occurrence.start_time as string | undefined, duration, zones),
		}));
	}
	return shaped;
}

function readable(text: unknown, zones: TimeZones): boolean {
	return typeof text === 'string' && serviceTimeToIso(text, zones) !== null;
}

function isoPair(start: string | undefined, duration: number | undefined, zones: TimeZones): IDataObject {
	if (start === undefined) return {};
	const startIso = serviceTimeToIso(start, zones);
	if (startIso === null) return {};
	return {
		start_time_iso: startIso,
		...(duration === undefined ? {} : { end_time_iso: serviceTimeToIso(start, zones, duration) }),
	};
}

/** The output without host secrets, for runs whose output must not carry them. */
export function withoutHostSecrets(json: IDataObject): IDataObject {
	const kept = { ...json };
	for (const key of HOST_SECRETS) delete kept[key];
	return kept;
}
