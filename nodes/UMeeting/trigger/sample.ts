import { NodeOperationError } from 'n8n-workflow';

import { EVENT_NAMES, type TriggerEvent } from './events';
import type { Found } from './observe';
import { getMeeting, getRecordings, type MeetingRow, type Reader, recordingReady, startOf } from './read';
import { PAGE_SIZE } from '../meetings/paging';
import { meetingPage } from '../meetings/answers';
import { requestUMeeting } from '../transport';

/** Ended meetings whose recordings a manual run looks at, newest first. */
export const SAMPLE_RECORDING_LOOKS = 3;

/**
 * The editor's manual run ("Fetch Test Event"): the most recent event of the selected kinds, read
 * from the first page of the live list and of the history, without touching the trigger's state.
 * For each selected event the newest matching meeting is a candidate, dated by when its event
 * happened (start, or end for Meeting Ended, or the recording's end); the latest candidate not in
 * the future wins, else the soonest one (a meeting that is only scheduled). None: a clear error.
 */
export async function sampleEvent(reader: Reader, events: Set<TriggerEvent>, now: number): Promise<Found> {
	const first = async (endpoint: string) => {
		const form: Record<string, string> = { page_size: String(PAGE_SIZE), page_number: '1' };
		if (reader.userKey) form.user_key = reader.userKey;
		reader.requests[endpoint] = (reader.requests[endpoint] ?? 0) + 1;
		const answer = await requestUMeeting(reader.context, reader.session, {
			endpoint,
			form,
			itemIndex: 0,
			data: meetingPage,
		});
		return answer.meetings;
	};
	const wantsLive = events.has('meetingScheduled') || events.has('meetingStarted');
	const live = wantsLive ? await first('share/list') : [];
	const wantsHistory =
		events.has('meetingEnded') || events.has('meetingCancelled') || events.has('recordingReady');
	const history = wantsHistory ? await first('share/history') : [];

	const start = (row: MeetingRow) => startOf(reader, row);
	const end = (row: MeetingRow) => {
		const begin = start(row);
		return begin === null ? null : begin + (typeof row.duration === 'number' ? row.duration : 0) * 60_000;
	};
	const candidates: Array<{ found: Found; at: number }> = [];
	const newest = (
		event: TriggerEvent,
		rows: MeetingRow[],
		state: number,
		at: (row: MeetingRow) => number | null,
	) => {
		let best: { row: MeetingRow; at: number } | undefined;
		for (const row of rows) {
			const time = at(row);
			if (row.status !== state || time === null) continue;
			if (!best || time > best.at) best = { row, at: time };
		}
		if (best) {
			candidates.push({
				found: { event, inferred: false, meeting: best.row, start: start(best.row) },
				at: best.at,
			});
		}
	};
	if (events.has('meetingScheduled')) newest('meetingScheduled', live, 0, start);
	if (events.has('meetingStarted')) newest('meetingStarted', live, 1, start);
	if (events.has('meetingEnded')) newest('meetingEnded', history, 3, end);
	if (events.has('meetingCancelled')) newest('meetingCancelled', history, 2, start);
	if (events.has('recordingReady')) {
		const ended = history
			.filter((row) => row.status === 3 && typeof row.start_time === 'string')
			.sort((a, b) => (end(b) ?? 0) - (end(a) ?? 0))
			.slice(0, SAMPLE_RECORDING_LOOKS);
		for (const row of ended) {
			const files = await getRecordings(reader, row.id, row.start_time!);
			if (files === 'gone' || !recordingReady(files)) continue;
			const got = await getMeeting(reader, row.id);
			const meeting = got === 'gone' ? row : { ...got, id: row.id };
			const finished = files
				.map((file) => (typeof file.recording_end === 'string' ? Date.parse(file.recording_end) : NaN))
				.filter((time) => !Number.isNaN(time));
			candidates.push({
				found: {
					event: 'recordingReady',
					inferred: false,
					meeting,
					start: start(meeting),
					recordings: files,
				},
				at: finished.length ? Math.max(...finished) : (end(row) ?? 0),
			});
			break;
		}
	}

	const past = candidates.filter((candidate) => candidate.at <= now).sort((a, b) => b.at - a.at);
	const future = candidates.filter((candidate) => candidate.at > now).sort((a, b) => a.at - b.at);
	const pick = past[0] ?? future[0];
	if (pick) return pick.found;

	const names = [...events].map((event) => EVENT_NAMES[event]).join(', ');
	const filter = reader.userKey ? ` booked with User Key "${reader.userKey}"` : '';
	throw new NodeOperationError(reader.context.getNode(), 'No meeting matches yet', {
		description: `UMeeting has no meeting${filter} for the selected events (${names}) to show as a sample. Schedule a meeting (or select more events), then fetch a test event again. The activated workflow is not affected: it reports events as they happen.`,
	});
}
