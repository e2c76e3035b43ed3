import { z } from 'zod';

/**
 * What the trigger keeps between polls in the workflow's static data (saved by n8n with the
 * workflow). Compact on purpose: one short array per meeting, keyed by meeting number.
 *
 * - `live`: every meeting of the live list (share/list) at the last poll, with the state seen
 *   (0 scheduled, 1 in progress) and its start as milliseconds since the epoch. As large as the live
 *   list, which the trigger reads whole anyway.
 * - `closed`: meetings seen cancelled or ended whose start is no older than HISTORY_MARGIN_MS before
 *   the last poll: the part of the history (share/history) the next poll reads again, remembered
 *   so that nothing in it is reported twice. Older entries expire at the next poll.
 * - `rec`: ended meetings whose cloud recording is awaited (only with Recording Ready): their start
 *   text (cloud/recording needs it), when to look next, how often it was looked at, and until when
 *   (end + Recording Wait). At most MAX_RECORDING_WATCHES.
 */
export interface TriggerState {
	v: typeof STATE_VERSION;
	/** Base URL and User Key the state was recorded for: another account or filter starts afresh. */
	scope: string;
	/** When the last successful poll began (n8n's clock, ms since the epoch). */
	at: number;
	live: Record<string, LiveEntry>;
	closed: Record<string, ClosedEntry>;
	rec: Record<string, RecordingWatch>;
}

/** [state 0 or 1, start in ms or null when UMeeting's start_time was unreadable] */
export type LiveEntry = [0 | 1, number | null];

/** [state 2 or 3, start in ms (the detection time when the start was unreadable)] */
export type ClosedEntry = [2 | 3, number];

/** [start_time as UMeeting wrote it, next look in ms, looks so far, give up after (ms)] */
export type RecordingWatch = [string, number, number, number];

export const STATE_VERSION = 1;

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

/** Most ended meetings whose recording is awaited at once; the ones nearest to giving up go first. */
export const MAX_RECORDING_WATCHES = 1000;

const ms = z.number().finite();

const stateSchema = z.object({
	v: z.literal(STATE_VERSION),
	scope: z.string(),
	at: ms,
	live: z.record(z.tuple([z.union([z.literal(0), z.literal(1)]), ms.nullable()])),
	closed: z.record(z.tuple([z.union([z.literal(2), z.literal(3)]), ms])),
	rec: z.record(z.tuple([z.string(), ms, z.number().int().min(0), ms])),
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

/** Drops what the next poll cannot need: closed meetings that started before its history margin. */
export function expireClosed(
	closed: Record<string, ClosedEntry>,
	pollAt: number,
): Record<string, ClosedEntry> {
	const keepFrom = pollAt - HISTORY_MARGIN_MS;
	return Object.fromEntries(Object.entries(closed).filter(([, [, start]]) => start >= keepFrom));
}

/** Keeps at most MAX_RECORDING_WATCHES watches, dropping those that would give up soonest. */
export function boundWatches(rec: Record<string, RecordingWatch>): Record<string, RecordingWatch> {
	const entries = Object.entries(rec);
	if (entries.length <= MAX_RECORDING_WATCHES) return rec;
	entries.sort(([, a], [, b]) => b[3] - a[3]);
	return Object.fromEntries(entries.slice(0, MAX_RECORDING_WATCHES));
}

/**
 * Minutes to wait before the next look for a recording after `looks` looks: 1, 2, 4, … doubling up
 * to every 4 hours, so a meeting without a recording costs 14 looks over the default 24 hours.
 */
export function nextLookMinutes(looks: number): number {
	return Math.min(240, 2 ** Math.max(0, looks - 1));
}
