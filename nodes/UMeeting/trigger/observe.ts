import type { RecordingFile } from '../meetings/recordings';
import { isMeetingState, type MeetingState, transitions, type TriggerEvent } from './events';
import {
	getMeeting,
	getRecordings,
	type MeetingRow,
	type Reader,
	readLive,
	recordingReady,
	scanHistory,
	startOf,
} from './read';
import {
	boundWatches,
	type ClosedEntry,
	expireClosed,
	HISTORY_MARGIN_MS,
	type LiveEntry,
	nextLookMinutes,
	type RecordingWatch,
	STATE_VERSION,
	type TriggerState,
} from './state';

/** Most meetings one poll looks up with share/get because they left the live list unseen in the history. */
export const MAX_LOOKUPS_PER_POLL = 30;

/**
 * Recording looks (cloud/recording) one poll may make: RECORDING_LOOKS.perMinute for every minute
 * since the previous poll, at least `min` and at most `max`. A poll every minute makes up to 20, an
 * hourly one up to 200: the looks keep pace with the meetings that end, not with the poll interval.
 */
export const RECORDING_LOOKS = { min: 20, perMinute: 5, max: 200 };

/** The looks a poll may make when the previous one was `elapsedMs` ago. */
export function recordingLookBudget(elapsedMs: number): number {
	const { min, perMinute, max } = RECORDING_LOOKS;
	return Math.min(max, Math.max(min, Math.floor((elapsedMs / 60_000) * perMinute)));
}

/** One event found by a poll, before it is shaped for output. */
export interface Found {
	event: TriggerEvent;
	inferred: boolean;
	meeting: MeetingRow;
	/** The meeting's start (ms), to order the output; null when unreadable. */
	start: number | null;
	recordings?: RecordingFile[];
}

export interface Observation {
	state: TriggerState;
	found: Found[];
}

export interface ObserveOptions {
	scope: string;
	/** n8n's clock at the start of the poll (ms). */
	now: number;
	/** Look for cloud recordings of meetings that end (Recording Ready is selected). */
	watchRecordings: boolean;
	recordingWaitMs: number;
}

/**
 * One poll: reads the live list whole and the head of the history, compares them with the state of
 * the previous poll and returns every lifecycle event since, each once, with the state to keep.
 * Without a previous state it records the present and finds nothing. It changes nothing itself:
 * the caller keeps the new state only once the whole poll has succeeded.
 */
export async function observe(
	reader: Reader,
	previous: TriggerState | undefined,
	options: ObserveOptions,
): Promise<Observation> {
	const { now } = options;
	const startOfRow = (row: MeetingRow) => startOf(reader, row);
	const liveRows = firstById(await readLive(reader));
	// Meetings first seen in the history are reported only if they started after this: older ones
	// were either seen by the previous poll or closed before it.
	const cutoff = (previous?.at ?? now) - HISTORY_MARGIN_MS;
	// The history is read back to the earliest start of a meeting that left the live list, so that
	// its closing is found there rather than with one share/get each.
	let readBackTo = cutoff;
	for (const [id, [, start]] of Object.entries(previous?.live ?? {})) {
		if (!liveRows.has(id) && start !== null) readBackTo = Math.min(readBackTo, start);
	}
	const historyRows = firstById(await scanHistory(reader, readBackTo));

	const live: Record<string, LiveEntry> = {};
	const closed: Record<string, ClosedEntry> = { ...previous?.closed };
	const found: Found[] = [];
	const remember = (row: MeetingRow, state: MeetingState) => {
		const start = startOfRow(row);
		if (state <= 1) live[row.id] = [state as 0 | 1, start];
		else closed[row.id] = [state as 2 | 3, start ?? now];
	};
	const report = (row: MeetingRow, before: MeetingState | undefined, state: MeetingState) => {
		for (const { event, inferred } of transitions(before, state, row.type)) {
			found.push({ event, inferred, meeting: row, start: startOfRow(row) });
		}
	};

	if (!previous) {
		for (const row of liveRows.values()) remember(row, liveState(row));
		for (const row of historyRows.values()) {
			const start = startOfRow(row);
			if (isClosed(row.status) && start !== null && start >= cutoff) remember(row, row.status);
		}
		return { state: { v: STATE_VERSION, scope: options.scope, at: now, live, closed, rec: {} }, found };
	}

	// Meetings in the live list: new ones, and state changes of known ones.
	for (const row of liveRows.values()) {
		const state = liveState(row);
		// A meeting seen closed is back in the live list (a listing that lagged): it counts as
		// known from now on, without events for the step back.
		if (row.id in previous.closed) delete closed[row.id];
		else report(row, previous.live[row.id]?.[0], state);
		remember(row, state);
	}

	// Meetings that left the live list: cancelled or ended, as the history (or share/get) tells.
	const lookups: string[] = [];
	for (const [id, [before]] of Object.entries(previous.live)) {
		if (liveRows.has(id)) continue;
		const row = historyRows.get(id);
		if (row && isClosed(row.status)) {
			report(row, before, row.status);
			remember(row, row.status);
		} else lookups.push(id);
	}
	for (const [index, id] of lookups.entries()) {
		if (index >= MAX_LOOKUPS_PER_POLL) {
			live[id] = previous.live[id];
			continue;
		}
		const row = await getMeeting(reader, id);
		// UMeeting no longer knows the meeting: it is forgotten without an event.
		if (row === 'gone') continue;
		const state = isMeetingState(row.status) ? row.status : previous.live[id][0];
		report({ ...row, id }, previous.live[id][0], state);
		remember({ ...row, id }, state);
	}

	// Meetings first seen in the history: booked and closed between two polls.
	for (const row of historyRows.values()) {
		const { id } = row;
		if (liveRows.has(id) || id in previous.live || id in previous.closed || !isClosed(row.status)) continue;
		const start = startOfRow(row);
		if (start === null || start < cutoff) continue;
		report(row, undefined, row.status);
		remember(row, row.status);
	}

	const rec = options.watchRecordings
		? await lookForRecordings(reader, previous.rec, found, options, recordingLookBudget(now - previous.at))
		: {};
	return {
		state: {
			v: STATE_VERSION,
			scope: options.scope,
			at: now,
			live,
			closed: expireClosed(closed, now),
			rec,
		},
		found,
	};
}

/**
 * Watches every meeting that ended in this poll and looks, for the watches that are due (at most
 * `budget`), whether its cloud recording is ready: then a Recording Ready event
 * carries the files and the meeting as share/get gives it. A watch gives up Recording Wait after
 * the end was seen.
 */
async function lookForRecordings(
	reader: Reader,
	watching: Record<string, RecordingWatch>,
	found: Found[],
	options: ObserveOptions,
	budget: number,
): Promise<Record<string, RecordingWatch>> {
	const { now } = options;
	const rec: Record<string, RecordingWatch> = { ...watching };
	for (const { event, meeting } of found) {
		if (event === 'meetingEnded' && typeof meeting.start_time === 'string') {
			rec[meeting.id] = [meeting.start_time, now, 0, now + options.recordingWaitMs];
		}
	}
	// When more are due than one poll may look at, the meetings looked at least often go first: a
	// recording is most likely to turn up soon after the end.
	const due = Object.entries(rec)
		.filter(([, [, next]]) => next <= now)
		.sort(([, a], [, b]) => a[2] - b[2] || a[1] - b[1])
		.slice(0, budget);
	for (const [id, [startTime, , looks, until]] of due) {
		const files = await getRecordings(reader, id, startTime);
		if (files !== 'gone' && recordingReady(files)) {
			const got = await getMeeting(reader, id);
			const meeting: MeetingRow = got === 'gone' ? { id, start_time: startTime } : { ...got, id };
			found.push({
				event: 'recordingReady',
				inferred: false,
				meeting,
				start: startOf(reader, meeting),
				recordings: files,
			});
			delete rec[id];
		} else if (files === 'gone') {
			delete rec[id];
		} else {
			rec[id] = [startTime, now + nextLookMinutes(looks + 1) * 60_000, looks + 1, until];
		}
	}
	for (const [id, [, , , until]] of Object.entries(rec)) if (until <= now) delete rec[id];
	return boundWatches(rec);
}

function firstById(rows: MeetingRow[]): Map<string, MeetingRow> {
	const byId = new Map<string, MeetingRow>();
	for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
	return byId;
}

/** A row of the live list without a readable state counts as scheduled. */
function liveState(row: MeetingRow): MeetingState {
	return isMeetingState(row.status) ? row.status : 0;
}

function isClosed(state: unknown): state is 2 | 3 {
	return state === 2 || state === 3;
}
