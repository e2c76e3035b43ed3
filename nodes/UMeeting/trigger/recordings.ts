import type { RecordingFile } from '../meetings/recordings';
import type { Found } from './found';
import { getMeeting, getRecordings, isCompleted, type MeetingRow, type Reader, startOf } from './read';
import { boundWatches, nextLookMinutes, type RecordingWatch } from './state';

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

export interface RecordingOutcome {
	watches: Record<string, RecordingWatch>;
	found: Found[];
	/** Why looks failed (kept, looked at again later), and watches carried over or dropped. */
	warnings: string[];
}

/**
 * Looks, for the watches that are due (every one not looked at yet, and `budget` more, those looked
 * at least often first), whether
 * a meeting's cloud recording is ready: UMeeting lists files for it and every listed file is
 * completed. Ready files give one Recording Ready event. UMeeting does not say whether more parts
 * will come (a recording stopped and started again), so the watch stays until Recording Wait has
 * passed and a part listed later gives another event with just the new files (later_part). A look
 * that fails keeps the watch and is tried again later.
 */
export async function lookForRecordings(
	reader: Reader,
	watching: Record<string, RecordingWatch>,
	now: number,
	budget: number,
): Promise<RecordingOutcome> {
	const watches: Record<string, RecordingWatch> = { ...watching };
	const found: Found[] = [];
	const warnings: string[] = [];
	const failures: string[] = [];
	const due = Object.entries(watches)
		.filter(([, watch]) => watch.next <= now && watch.until > now)
		.sort(([, a], [, b]) => a.looks - b.looks || a.next - b.next);
	// A meeting that just ended is always looked at once: a burst of endings is not left waiting.
	budget += due.filter(([, watch]) => watch.looks === 0).length;
	if (due.length > budget) {
		warnings.push(
			`${due.length - budget} recording check(s) are due beyond this poll's budget of ${budget}: they follow at the next polls`,
		);
	}
	for (const [id, watch] of due.slice(0, budget)) {
		const looked = await getRecordings(reader, id, watch.startTime);
		const later = (minutes: number) => now + minutes * 60_000;
		if (!looked.ok) {
			failures.push(`${id}: ${looked.reason}`);
			watches[id] = { ...watch, looks: watch.looks + 1, next: later(nextLookMinutes(watch.looks + 1)) };
			continue;
		}
		const files = looked.value;
		const looks = watch.looks + 1;
		const next = later(nextLookMinutes(looks));
		const fresh = files.filter((file) => !watch.reported.includes(file.id));
		// Ready: UMeeting lists files for it and says every one is completed.
		if (fresh.length && files.every(isCompleted)) {
			found.push(await readyEvent(reader, id, watch, fresh));
			watches[id] = { ...watch, looks, next, reported: [...watch.reported, ...fresh.map((file) => file.id)] };
		} else watches[id] = { ...watch, looks, next };
	}
	if (failures.length) {
		warnings.push(
			`${failures.length} recording check(s) failed and are tried again later: ${failures.slice(0, 3).join('; ')}`,
		);
	}
	for (const [id, watch] of Object.entries(watches)) if (watch.until <= now) delete watches[id];
	const { kept, dropped } = boundWatches(watches);
	if (dropped) {
		warnings.push(
			`${dropped} recording watch(es) dropped: more ended meetings await a recording than the trigger keeps; lower Recording Wait`,
		);
	}
	return { watches: kept, found, warnings };
}

/** A new watch for a meeting that ended now. */
export function watchFrom(startTime: string, now: number, waitMs: number): RecordingWatch {
	return { startTime, next: now, looks: 0, until: now + waitMs, reported: [] };
}

async function readyEvent(
	reader: Reader,
	id: string,
	watch: RecordingWatch,
	files: RecordingFile[],
): Promise<Found> {
	const got = await getMeeting(reader, id);
	// The event does not wait for share/get: without it the meeting is shown as the watch knows it.
	const meeting: MeetingRow = got.ok ? got.value : { id, start_time: watch.startTime };
	return {
		event: 'recordingReady',
		inferred: false,
		meeting,
		start: startOf(reader, meeting),
		recordings: files,
		laterPart: watch.reported.length > 0,
	};
}
