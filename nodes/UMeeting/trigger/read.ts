import type { IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { readServiceTime, SERVICE_TIME_FORMAT } from '../helpers/time';
import { meetingDetails, meetingPage } from '../meetings/answers';
import { hasNextPage, PAGE_SIZE, PageGuard } from '../meetings/paging';
import { type RecordingFile, recordingList } from '../meetings/recordings';
import { requestUMeeting } from '../transport';
import type { Session } from '../transport/session';

/** A meeting as share/list, share/history and share/get give it, checked by the node's schema. */
export type MeetingRow = z.output<typeof meetingDetails>;

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

/** One page of share/list or share/history. */
export async function readPage(reader: Reader, endpoint: string, number: number) {
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
		const answer = await readPage(reader, 'share/list', number);
		const more = hasNextPage(answer);
		guard.check(answer.meetings, more);
		rows.push(...answer.meetings);
		if (!more) return rows;
	}
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

/** The error as n8n reports it; the transport's own errors are already NodeApiErrors and pass unchanged. */
export function asNodeError(context: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

/**
 * A look at one meeting: what UMeeting answered, or why it did not. The manual documents no answer
 * that means "no such meeting", so a failure never counts as the meeting being gone: the caller
 * keeps the meeting and looks again at a later poll.
 */
export type Look<T> = { ok: true; value: T } | { ok: false; reason: string };

async function look<T>(reader: Reader, endpoint: string, request: () => Promise<T>): Promise<Look<T>> {
	reader.requests[endpoint] = (reader.requests[endpoint] ?? 0) + 1;
	try {
		return { ok: true, value: await request() };
	} catch (error) {
		return { ok: false, reason: asNodeError(reader.context, error).message };
	}
}

/** share/get of one meeting. */
export async function getMeeting(reader: Reader, id: string): Promise<Look<MeetingRow>> {
	return await look(reader, 'share/get', async () => ({
		...(await requestUMeeting(reader.context, reader.session, {
			endpoint: 'share/get',
			form: { meeting_id: id },
			itemIndex: 0,
			data: meetingDetails,
		})),
		id,
	}));
}

/**
 * The cloud recordings of a meeting (by its number) that began no earlier than an hour before its
 * booked start (a host may open a meeting early).
 */
export async function getRecordings(
	reader: Reader,
	id: string,
	startTime: string,
): Promise<Look<RecordingFile[]>> {
	const start = readServiceTime(startTime, reader.session.serviceTimeZone);
	const from = start ? start.minus({ hours: 1 }).toFormat(SERVICE_TIME_FORMAT) : startTime;
	return await look(
		reader,
		'cloud/recording',
		async () =>
			await requestUMeeting(reader.context, reader.session, {
				endpoint: 'cloud/recording',
				form: { meeting_id: id, start_time: from },
				itemIndex: 0,
				data: recordingList,
			}),
	);
}

/** Whether UMeeting says a recorded file is finished (a file without a status counts as finished). */
export function isCompleted(file: RecordingFile): boolean {
	return (file.status ?? 'completed') === 'completed';
}
