import type { IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { meetingDetails, meetingPage } from '../meetings/answers';
import { PAGE_SIZE } from '../meetings/paging';
import { hasNextPage, PageGuard } from '../meetings/paging';
import { type RecordingFile, recordingList } from '../meetings/recordings';
import { readServiceTime, SERVICE_TIME_FORMAT } from '../helpers/time';
import { requestUMeeting } from '../transport';
import type { Session } from '../transport/session';

/** A meeting as share/list, share/history and share/get give it, checked by the node's schema. */
export type MeetingRow = z.output<typeof meetingDetails>;

/** Most pages of the history one poll reads: 600 meetings, newest start first. */
export const MAX_HISTORY_PAGES = 20;

/** What every request of one poll needs. */
export interface Reader {
	context: IPollFunctions;
	session: Session;
	/** Empty for every meeting of the account. */
	userKey: string;
	/** Requests this poll made, by endpoint (reported in the log and used by the tests). */
	requests: Record<string, number>;
	/** Start texts already read this poll (reading a time in a zone is not cheap). */
	starts: Map<string, number | null>;
}

async function page(reader: Reader, endpoint: string, number: number) {
	const form: Record<string, string> = { page_size: String(PAGE_SIZE), page_number: String(number) };
	if (reader.userKey) form.user_key = reader.userKey;
	reader.requests[endpoint] = (reader.requests[endpoint] ?? 0) + 1;
	return await requestUMeeting(reader.context, reader.session, {
		endpoint,
		form,
		itemIndex: 0,
		data: meetingPage,
	});
}

/** The whole live list (scheduled and running meetings), every page, bounded by PageGuard. */
export async function readLive(reader: Reader): Promise<MeetingRow[]> {
	const rows: MeetingRow[] = [];
	const guard = new PageGuard(reader.context.getNode(), 'share/list', 0);
	for (let number = 1; ; number++) {
		const answer = await page(reader, 'share/list', number);
		const more = hasNextPage(answer);
		guard.check(answer.meetings, more);
		rows.push(...answer.meetings);
		if (!more) return rows;
	}
}

/**
 * The head of the history (cancelled and ended meetings), which UMeeting lists newest start first:
 * pages are read until one ends with a meeting that started before `cutoff` (every later page
 * starts earlier still), the last page, or MAX_HISTORY_PAGES. A page that is not in that order
 * does not stop the reading.
 */
export async function scanHistory(reader: Reader, cutoff: number): Promise<MeetingRow[]> {
	const rows: MeetingRow[] = [];
	const guard = new PageGuard(reader.context.getNode(), 'share/history', 0);
	let previous = Number.POSITIVE_INFINITY;
	for (let number = 1; number <= MAX_HISTORY_PAGES; number++) {
		const answer = await page(reader, 'share/history', number);
		const more = hasNextPage(answer);
		guard.check(answer.meetings, more);
		rows.push(...answer.meetings);
		const starts = answer.meetings.map((row) => startOf(reader, row));
		let ordered = true;
		for (const start of starts) {
			if (start === null || start > previous) ordered = false;
			else previous = start;
		}
		const last = starts[starts.length - 1];
		if (!more || (ordered && last !== null && last !== undefined && last < cutoff)) break;
	}
	return rows;
}

/** A meeting's start as milliseconds since the epoch, read in the service zone; null when unreadable. */
export function startOf(reader: Reader, row: { start_time?: unknown }): number | null {
	if (typeof row.start_time !== 'string') return null;
	let start = reader.starts.get(row.start_time);
	if (start === undefined) {
		start = readServiceTime(row.start_time, reader.session.serviceTimeZone)?.toMillis() ?? null;
		reader.starts.set(row.start_time, start);
	}
	return start;
}

/**
 * Whether an error is UMeeting refusing this one call (an answer with HTTP 2xx and a status other
 * than 200, such as "meeting not found"), rather than the service, the network or the credential
 * failing: such a refusal concerns one meeting and does not fail the poll.
 */
function isRefusal(error: unknown): boolean {
	return error instanceof NodeApiError && /^2\d\d$/.test(String(error.httpCode ?? ''));
}

/** The error as n8n reports it; the transport's own errors are already NodeApiErrors and pass unchanged. */
export function asNodeError(context: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

/** share/get of one meeting; 'gone' when UMeeting refuses it (it no longer knows the meeting). */
export async function getMeeting(reader: Reader, id: string): Promise<MeetingRow | 'gone'> {
	reader.requests['share/get'] = (reader.requests['share/get'] ?? 0) + 1;
	try {
		return await requestUMeeting(reader.context, reader.session, {
			endpoint: 'share/get',
			form: { meeting_id: id },
			itemIndex: 0,
			data: meetingDetails,
		});
	} catch (error) {
		if (isRefusal(error)) return 'gone';
		throw asNodeError(reader.context, error);
	}
}

/**
 * The cloud recordings of a meeting (by its number) that began no earlier than an hour before its
 * booked start (a host may open a meeting early); 'gone' when UMeeting refuses the meeting.
 */
export async function getRecordings(
	reader: Reader,
	id: string,
	startTime: string,
): Promise<RecordingFile[] | 'gone'> {
	const start = readServiceTime(startTime, reader.session.serviceTimeZone);
	const from = start ? start.minus({ hours: 1 }).toFormat(SERVICE_TIME_FORMAT) : startTime;
	reader.requests['cloud/recording'] = (reader.requests['cloud/recording'] ?? 0) + 1;
	try {
		return await requestUMeeting(reader.context, reader.session, {
			endpoint: 'cloud/recording',
			form: { meeting_id: id, start_time: from },
			itemIndex: 0,
			data: recordingList,
		});
	} catch (error) {
		if (isRefusal(error)) return 'gone';
		throw asNodeError(reader.context, error);
	}
}

/** A recording is ready once UMeeting lists files for it and every one of them is completed. */
export function recordingReady(files: RecordingFile[]): boolean {
	return files.length > 0 && files.every((file) => (file.status ?? 'completed') === 'completed');
}
