import { z } from 'zod';

import { TRIGGER_EVENTS, type TriggerEvent } from './events';

/**
 * What the trigger keeps between polls in the workflow's static data (saved by n8n with the
 * workflow). n8n saves it at activation and when a poll emits events (n8n 2.36+ can save it after
 * every poll): the trigger is right either way, because every poll derives its events from the
 * state it starts from, and a state that n8n did not save is simply derived again.
 *
 * - `live`: the live list (share/list) at the last poll: as large as that list, read whole anyway.
 * - `closed`: meetings seen cancelled or ended whose start is not older than the part of the
 *   history the next poll reads (`historyFloor`); remembered so that nothing there is reported
 *   twice. Cancelled meetings with a future start stay until that start has passed.
 * - `departed`: meetings that left the live list whose closing the trigger has not seen yet (not
 *   in the history read, share/get failed or was not due); looked at again, less and less often.
 * - `backlog`: the part of the history one poll could not read within its page budget.
 * - `recordings`: ended meetings whose cloud recording is awaited (Recording Ready).
 */
export interface TriggerState {
	v: typeof STATE_VERSION;
	/** Base URL and User Key the state was recorded for: another account or filter starts afresh. */
	scope: string;
	/** When the last successful poll began (n8n's clock, ms since the epoch). */
	at: number;
	/** The events selected at that poll: an event selected later is reported for what happens after. */
	events: TriggerEvent[];
	live: Record<string, LiveMeeting>;
	closed: Record<string, ClosedMeeting>;
	departed: Record<string, DepartedMeeting>;
	backlog: HistoryBacklog | null;
	/** History pages the last poll needed above its floor: the account's volume, sets the page budget. */
	historyPages: number;
	recordings: Record<string, RecordingWatch>;
}

export interface LiveMeeting {
	/** 0 scheduled, 1 in progress. */
	state: 0 | 1;
	/** Start in ms; null when UMeeting's start_time was unreadable. */
	start: number | null;
}

export interface ClosedMeeting {
	/** 2 cancelled, 3 ended. */
	state: 2 | 3;
	/** Start in ms (the time it was seen closed, when the start was unreadable). */
	start: number;
	/** When the trigger saw it closed (ms): a lagging live list may show it again for a while after. */
	seen: number;
}

export interface DepartedMeeting extends LiveMeeting {
	/** When the trigger first missed it in the live list (ms). */
	since: number;
	/** Look-ups (share/get) so far that did not settle it. */
	looks: number;
	/** No look-up before this (ms). */
	next: number;
}

/**
 * History rows the last poll had no page budget left for: every row whose start is between `floor`
 * and `below` (exclusive). They begin at about page `page`: rows only move down the history as
 * meetings close, so reading on from there misses none.
 */
export interface HistoryBacklog {
	floor: number;
	below: number;
	page: number;
}

export interface RecordingWatch {
	/** start_time as UMeeting wrote it (cloud/recording needs it). */
	startTime: string;
	/** Next look not before this (ms). */
	next: number;
	looks: number;
	/** Give up after this (ms): the end plus Recording Wait. */
	until: number;
	/** Ids of the files already reported. */
	reported: string[];
}

export const STATE_VERSION = 2;

/** Key of the trigger's state in the node's static data. */
export const STATE_KEY = 'umeeting';

/** Key of the count of consecutive failed polls in the node's static data. */
export const FAILURES_KEY = 'failedPolls';

/** Key of when the poll under way began (ms), in the node's static data while it runs. */
export const POLLING_KEY = 'pollingSince';

/** A poll under way for longer than this is taken to have died: the next one runs anyway. */
export const POLL_LEASE_MS = 15 * 60 * 1000;

/**
 * How far before the previous poll the history is read again, and how long a closed meeting is
 * remembered after its start: room for a difference between n8n's clock and the service's, and for
 * a meeting booked shortly before a poll whose listing lagged behind.
 */
export const HISTORY_MARGIN_MS = 2 * 60 * 60 * 1000;

/** Most ended meetings whose recording is awaited at once; beyond it the ones nearest to giving up are dropped, with a warning. */
export const MAX_RECORDING_WATCHES = 1000;

const ms = z.number().finite();
const live = z.object({ state: z.union([z.literal(0), z.literal(1)]), start: ms.nullable() });

const stateSchema = z.object({
	v: z.literal(STATE_VERSION),
	scope: z.string(),
	at: ms,
	events: z.array(z.enum(TRIGGER_EVENTS as [TriggerEvent, ...TriggerEvent[]])),
	live: z.record(live),
	closed: z.record(z.object({ state: z.union([z.literal(2), z.literal(3)]), start: ms, seen: ms })),
	departed: z.record(live.extend({ since: ms, looks: z.number().int().min(0), next: ms })),
	backlog: z.object({ floor: ms, below: ms, page: z.number().int().min(1) }).nullable(),
	historyPages: z.number().int().min(0),
	recordings: z.record(
		z.object({
			startTime: z.string(),
			next: ms,
			looks: z.number().int().min(0),
			until: ms,
			reported: z.array(z.string()),
		}),
	),
});

/**
 * The saved state when it belongs to this account and filter and is readable; undefined otherwise
 * (never polled, another account or User Key, or a state from another version): the poll then
 * records the present and reports nothing.
 */
export function readState(saved: unknown, scope: string): TriggerState | undefined {
	const parsed = stateSchema.safeParse(saved);
	if (!parsed.success || parsed.data.scope !== scope) return undefined;
	return parsed.data as TriggerState;
}

/** Whether a state of this version was saved at all (whatever its scope). */
export function hasState(saved: unknown): boolean {
	return stateSchema.safeParse(saved).success;
}

/**
 * Keeps the closed meetings that started at or after `floor` (older ones are below every later
 * read of the history) or were seen closed at or after `seenSince` (a lagging live list may still
 * show them).
 */
export function expireClosed(
	closed: Record<string, ClosedMeeting>,
	floor: number,
	seenSince: number,
): Record<string, ClosedMeeting> {
	return Object.fromEntries(
		Object.entries(closed).filter(([, meeting]) => meeting.start >= floor || meeting.seen >= seenSince),
	);
}

/** Keeps at most MAX_RECORDING_WATCHES watches, those that wait longest; returns how many were dropped. */
export function boundWatches(watches: Record<string, RecordingWatch>): {
	kept: Record<string, RecordingWatch>;
	dropped: number;
} {
	const entries = Object.entries(watches);
	if (entries.length <= MAX_RECORDING_WATCHES) return { kept: watches, dropped: 0 };
	entries.sort(([, a], [, b]) => b.until - a.until);
	return {
		kept: Object.fromEntries(entries.slice(0, MAX_RECORDING_WATCHES)),
		dropped: entries.length - MAX_RECORDING_WATCHES,
	};
}

/**
 * Minutes to wait before the next look after `looks` looks: 1, 2, 4, … doubling up to every 4
 * hours, so a meeting without a recording costs 13 looks over the default 24 hours.
 */
export function nextLookMinutes(looks: number): number {
	return Math.min(240, 2 ** Math.max(0, looks - 1));
}
