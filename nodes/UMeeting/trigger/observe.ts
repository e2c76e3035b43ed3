import { isMeetingState, type MeetingState, transitions, type TriggerEvent } from './events';
import type { Found } from './found';
import { HISTORY_EXTRA_PAGES, type HistoryRead, readHistory } from './history';
import { getMeeting, type MeetingRow, type Reader, readLive, startOf } from './read';
import { lookForRecordings, recordingLookBudget, watchFrom } from './recordings';
import {
	type ClosedMeeting,
	type DepartedMeeting,
	expireClosed,
	HISTORY_MARGIN_MS,
	type LiveMeeting,
	nextLookMinutes,
	STATE_VERSION,
	type TriggerState,
} from './state';

/**
 * share/get look-ups one poll makes beyond one for each meeting that left the live list in it
 * unseen in the history: meetings left over from earlier polls are looked at with these.
 */
export const EXTRA_LOOKUPS_PER_POLL = 30;

/**
 * A meeting that left the live list and neither the history nor share/get has shown closed for
 * this long is given up, with a warning: UMeeting documents no answer that says a meeting is gone.
 */
export const DEPARTED_GIVE_UP_MS = 7 * 24 * 60 * 60 * 1000;

export interface Observation {
	state: TriggerState;
	found: Found[];
	/** Limits hit, look-ups that failed, meetings given up: for n8n's log, nothing is dropped silently. */
	warnings: string[];
	/** Events found for a selection made since the last poll, not reported (they happened before it). */
	withheld: number;
}

export interface ObserveOptions {
	scope: string;
	/** n8n's clock at the start of the poll (ms). */
	now: number;
	/** The events selected now. */
	events: Set<TriggerEvent>;
	recordingWaitMs: number;
}

/**
 * One poll: reads the live list whole and the history down to where something can have changed,
 * compares them with the state the poll starts from and returns every lifecycle event since, each
 * once, with the state to keep. Without a state it records the present and finds nothing. It
 * changes nothing itself: the caller keeps the new state only once the whole poll has succeeded.
 */
export async function observe(
	reader: Reader,
	last: TriggerState | undefined,
	options: ObserveOptions,
): Promise<Observation> {
	const { now } = options;
	const startOfRow = (row: MeetingRow) => startOf(reader, row);
	const liveRows = firstById(await readLive(reader));
	if (!last) return await recordPresent(reader, liveRows, options);

	const live: Record<string, LiveMeeting> = {};
	const closed: Record<string, ClosedMeeting> = { ...last.closed };
	const departed: Record<string, DepartedMeeting> = { ...last.departed };
	const found: Found[] = [];
	const warnings: string[] = [];
	const report = (row: MeetingRow, before: MeetingState | undefined, state: MeetingState) => {
		for (const { event, inferred } of transitions(before, state, row.type)) {
			found.push({ event, inferred, meeting: row, start: startOfRow(row) });
		}
	};
	const close = (row: MeetingRow, state: 2 | 3) => {
		closed[row.id] = { state, start: startOfRow(row) ?? now, seen: now };
		delete departed[row.id];
	};

	// Meetings that left the live list since the last poll: the history is read back to their start.
	const departures = Object.keys(last.live).filter((id) => !liveRows.has(id));
	let floor = last.at - HISTORY_MARGIN_MS;
	for (const id of departures) floor = Math.min(floor, last.live[id].start ?? floor);
	const history = await readHistory(reader, {
		floor,
		backlog: last.backlog,
		budget: HISTORY_EXTRA_PAGES + last.historyPages,
	});
	const historyRows = firstById(history.rows);

	for (const row of liveRows.values()) {
		// Closing is final: a closed meeting listed again is a lagging answer, not news.
		if (row.id in last.closed) continue;
		const before = last.live[row.id]?.state ?? last.departed[row.id]?.state;
		// A meeting does not go back from in progress to scheduled: such a row is a lagging answer.
		const state = Math.max(liveState(row), before ?? 0) as MeetingState;
		report(row, before, state);
		if (isClosed(state)) close(row, state);
		else live[row.id] = { state, start: startOfRow(row) };
		delete departed[row.id];
	}

	for (const id of departures) {
		const row = historyRows.get(id);
		if (row && isClosed(row.status)) {
			report(row, last.live[id].state, row.status);
			close(row, row.status);
		} else departed[id] = { ...last.live[id], since: now, looks: 0, next: now };
	}

	// Meetings first seen in the history: booked and closed between two polls, or departed earlier.
	const reportFrom = Math.min(last.at - HISTORY_MARGIN_MS, last.backlog?.floor ?? Infinity);
	for (const row of historyRows.values()) {
		const { id } = row;
		if (liveRows.has(id) || id in last.live || id in last.closed || !isClosed(row.status)) continue;
		const start = startOfRow(row);
		if (id in last.departed) report(row, last.departed[id].state, row.status);
		else if (start !== null && start >= reportFrom) report(row, undefined, row.status);
		else continue;
		close(row, row.status);
	}

	warnings.push(...(await lookUpDeparted(reader, departed, departures.length, now, report, close, live)));
	for (const [id, meeting] of Object.entries(departed)) {
		if (now - meeting.since >= DEPARTED_GIVE_UP_MS) {
			delete departed[id];
			warnings.push(
				`meeting ${id} left the live list ${Math.round((now - meeting.since) / 3_600_000)} hours ago and UMeeting has shown it neither cancelled nor ended since: no longer followed`,
			);
		}
	}
	if (history.backlog) {
		warnings.push(
			`the history holds more than this poll's budget of pages: the rest (meetings that started from ${new Date(history.backlog.floor).toISOString()}) is read at the next polls`,
		);
	}

	// An event selected since the last poll is reported for what happens from now on.
	const added = [...options.events].filter((event) => !last.events.includes(event));
	const reported = found.filter(({ event }) => !added.includes(event));
	const withheld = found.length - reported.length;
	const recordings = { ...last.recordings };
	const watching = options.events.has('recordingReady') && last.events.includes('recordingReady');
	if (watching) {
		for (const { event, meeting } of found) {
			if (event === 'meetingEnded' && typeof meeting.start_time === 'string')
				recordings[meeting.id] = watchFrom(meeting.start_time, now, options.recordingWaitMs);
		}
	}
	let watches = recordings;
	if (options.events.has('recordingReady')) {
		const looked = await lookForRecordings(reader, recordings, now, recordingLookBudget(now - last.at));
		watches = looked.watches;
		reported.push(...looked.found);
		warnings.push(...looked.warnings);
	}

	const backlogFloor = history.backlog?.floor ?? Infinity;
	return {
		state: newState(options, history, {
			live,
			closed: expireClosed(closed, Math.min(now - HISTORY_MARGIN_MS, backlogFloor), now - HISTORY_MARGIN_MS),
			departed,
			recordings: watches,
		}),
		found: reported,
		warnings,
		withheld,
	};
}

/**
 * share/get for the departed meetings that are due: every one that departed in this poll, and up to
 * EXTRA_LOOKUPS_PER_POLL left over from earlier polls, longest waiting first. A failed look-up keeps
 * the meeting, looked at again less and less often; one still live puts it back in the live list.
 */
async function lookUpDeparted(
	reader: Reader,
	departed: Record<string, DepartedMeeting>,
	departedNow: number,
	now: number,
	report: (row: MeetingRow, before: MeetingState | undefined, state: MeetingState) => void,
	close: (row: MeetingRow, state: 2 | 3) => void,
	live: Record<string, LiveMeeting>,
): Promise<string[]> {
	const due = Object.entries(departed)
		.filter(([, meeting]) => meeting.next <= now)
		.sort(([, a], [, b]) => a.since - b.since);
	const budget = departedNow + EXTRA_LOOKUPS_PER_POLL;
	const failures: string[] = [];
	for (const [id, meeting] of due.slice(0, budget)) {
		const got = await getMeeting(reader, id);
		const answered = got.ok ? got.value.status : undefined;
		if (got.ok && isMeetingState(answered)) {
			const state = Math.max(answered, meeting.state) as MeetingState;
			report(got.value, meeting.state, state);
			if (isClosed(state)) close(got.value, state);
			else {
				live[id] = { state, start: meeting.start };
				delete departed[id];
			}
			continue;
		}
		if (!got.ok) failures.push(`${id}: ${got.reason}`);
		const looks = meeting.looks + 1;
		departed[id] = { ...meeting, looks, next: now + nextLookMinutes(looks) * 60_000 };
	}
	const warnings: string[] = [];
	if (due.length > budget) {
		warnings.push(
			`${due.length - budget} meeting(s) that left the live list are due for a look-up beyond this poll's budget of ${budget}: they follow at the next polls`,
		);
	}
	if (failures.length) {
		warnings.push(
			`${failures.length} look-up(s) of meetings that left the live list failed; they are kept and looked at again later: ${failures.slice(0, 3).join('; ')}`,
		);
	}
	return warnings;
}

/** The first poll: remembers what is live and what closed recently, reports nothing. */
async function recordPresent(
	reader: Reader,
	liveRows: Map<string, MeetingRow>,
	options: ObserveOptions,
): Promise<Observation> {
	const { now } = options;
	const floor = now - HISTORY_MARGIN_MS;
	const history = await readHistory(reader, { floor, backlog: null, budget: Infinity });
	const live: Record<string, LiveMeeting> = {};
	const closed: Record<string, ClosedMeeting> = {};
	for (const row of liveRows.values()) {
		const state = liveState(row);
		if (!isClosed(state)) live[row.id] = { state, start: startOf(reader, row) };
	}
	for (const row of firstById(history.rows).values()) {
		const start = startOf(reader, row);
		if (!live[row.id] && isClosed(row.status) && start !== null && start >= floor)
			closed[row.id] = { state: row.status, start, seen: now };
	}
	return {
		state: newState(options, history, { live, closed, departed: {}, recordings: {} }),
		found: [],
		warnings: [],
		withheld: 0,
	};
}

/** The state a poll ends with: its time, the selection, the meetings, and how the history read went. */
function newState(
	options: ObserveOptions,
	history: HistoryRead,
	meetings: Pick<TriggerState, 'live' | 'closed' | 'departed' | 'recordings'>,
): TriggerState {
	return {
		v: STATE_VERSION,
		scope: options.scope,
		at: options.now,
		events: [...options.events],
		...meetings,
		backlog: history.backlog,
		historyPages: history.pagesToFloor,
	};
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
