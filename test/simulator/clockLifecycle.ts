import { DateTime } from 'luxon';

import type { ServiceClock } from './clock';
import type { MeetingStore } from './meetings';
import { holdEnded, recordInTwoParts } from './sessions';

/**
 * Meetings that move through their lifecycle with the service's clock, as on the real service:
 * scheduled (0) until the clock reaches the start, then in progress (1), then ended (3) once start
 * plus duration has passed, leaving what was held (attendees, and cloud recordings for a meeting
 * booked with recording=cloud: sessions.ts). Deleting still cancels (2), share/end still ends. A
 * recurring series keeps to share/end and share/delete per occurrence, as before.
 *
 * Opt-in (SimulatorOptions.lifecycleFollowsClock, or UMeetingSimulator.advanceTo): the tests that
 * book meetings in the future and act on them by hand keep the behaviour they were written for.
 */
export function followClock(store: MeetingStore, clock: ServiceClock, publicUrl: string) {
	const now = clock.now().toMillis();
	for (const meeting of store.all()) {
		if (meeting.deleted || meeting.occurrences || meeting.status >= 2) continue;
		// start_instant is start_time read in the service zone, kept in step by schedule and update.
		const start = Date.parse(meeting.start_instant);
		if (meeting.status === 0 && now >= start) meeting.status = 1;
		if (meeting.status === 1 && now >= start + meeting.duration * 60_000) {
			meeting.status = 3;
			holdEnded(meeting.id, store, clock, publicUrl);
		}
	}
}

/**
 * With SimulatorOptions.recordingReadyAfterMinutes, the files of a held meeting are listed by
 * cloud/recording only that long after the simulator saw the meeting end (processing time); a
 * session that has no such time yet gets it now. With recordingSecondPartAfterMinutes, its recording
 * also comes in two parts, the second listed that much later than the first (sessions.ts).
 */
export function markRecordingsReady(
	store: MeetingStore,
	clock: ServiceClock,
	minutes: number,
	secondPartMinutes?: number,
) {
	let readyAt: string | undefined;
	for (const meeting of store.all()) {
		for (const session of meeting.sessions ?? []) {
			if (!session.recordings.length || session.ready !== undefined) continue;
			session.ready = readyAt ??= clock.now().plus({ minutes }).toUTC().toISO()!;
			if (secondPartMinutes !== undefined)
				recordInTwoParts(
					session,
					clock
						.now()
						.plus({ minutes: minutes + secondPartMinutes })
						.toUTC()
						.toISO()!,
				);
		}
	}
}

/** Whether a held session's recordings can be listed yet. */
export function recordingsListed(ready: string | undefined, clock: ServiceClock): boolean {
	return ready === undefined || clock.now() >= DateTime.fromISO(ready);
}
