import { NodeOperationError } from 'n8n-workflow';

import { hasNextPage, PageGuard } from '../meetings/paging';
import { EVENT_NAMES, type TriggerEvent } from './events';
import type { Found } from './found';
import {
	getMeeting,
	getRecordings,
	isCompleted,
	type MeetingRow,
	type Reader,
	readLive,
	readPage,
	startOf,
} from './read';

/** Ended meetings whose recordings a manual run looks at, newest first. */
export const SAMPLE_RECORDING_LOOKS = 3;

/** Most history pages a manual run reads to find a past event under cancelled meetings still to come. */
export const SAMPLE_HISTORY_PAGES = 10;

/**
 * The editor's manual run ("Fetch Test Event"): the most recent event of the selected kinds, from
 * the whole live list and the history read down past the present (cancelled meetings with a future
 * start sort to its top), without touching the trigger's state. For each selected event the newest
 * matching meeting is a candidate, dated by when its event happened (start, or end for Meeting
 * Ended, or the recording's end); the latest candidate not in the future wins, else the soonest one
 * (a meeting that is only scheduled). None: a clear error.
 */
export async function sampleEvent(reader: Reader, events: Set<TriggerEvent>, now: number): Promise<Found> {
	const wantsLive = events.has('meetingScheduled') || events.has('meetingStarted');
	const live = wantsLive ? await readLive(reader) : [];
	const wanted = (['meetingEnded', 'meetingCancelled', 'recordingReady'] as const).filter((event) =>
		events.has(event),
	);
	const history = wanted.length ? await readPastHistory(reader, wanted, now) : [];

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
		// The latest that is not in the future, else the soonest to come.
		let best: { row: MeetingRow; at: number } | undefined;
		const better = (time: number, than: number) =>
			time <= now ? than > now || time > than : than > now && time < than;
		for (const row of rows) {
			const time = at(row);
			if (row.status !== state || time === null) continue;
			if (!best || better(time, best.at)) best = { row, at: time };
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
			const looked = await getRecordings(reader, row.id, row.start_time!);
			if (!looked.ok) throw new NodeOperationError(reader.context.getNode(), looked.reason);
			const files = looked.value;
			if (!files.length || !files.every(isCompleted)) continue;
			const got = await getMeeting(reader, row.id);
			const meeting = got.ok ? got.value : row;
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

/**
 * History pages down to the first page that starts in the past and holds, for every wanted event,
 * a meeting whose event is not in the future; or to the end, or SAMPLE_HISTORY_PAGES pages.
 */
async function readPastHistory(
	reader: Reader,
	wanted: Array<'meetingEnded' | 'meetingCancelled' | 'recordingReady'>,
	now: number,
): Promise<MeetingRow[]> {
	const rows: MeetingRow[] = [];
	const guard = new PageGuard(reader.context.getNode(), 'share/history', 0);
	const past = (row: MeetingRow, state: number) => {
		const start = startOf(reader, row);
		return row.status === state && start !== null && start <= now;
	};
	for (let number = 1; number <= SAMPLE_HISTORY_PAGES; number++) {
		const answer = await readPage(reader, 'share/history', number);
		const more = hasNextPage(answer);
		guard.check(answer.meetings, more);
		rows.push(...answer.meetings);
		const has = (state: number) => rows.some((row) => past(row, state));
		const enough = wanted.every((event) => has(event === 'meetingCancelled' ? 2 : 3));
		if (!more || enough) break;
	}
	return rows;
}
