/**
 * DTSTAMP (and from it SEQUENCE, whole seconds since 2020) of the next .ics file of a meeting. A
 * calendar keeps the file with the higher SEQUENCE (and, on a tie, the later DTSTAMP), so two files
 * of one meeting must never share a second: Schedule, Update and Delete chained in one run follow
 * each other within milliseconds. Each file of a meeting is therefore stamped at least one second
 * after the last one this process wrote for it; the clock catches up within as many seconds as
 * files were written in one.
 */
const MEETINGS_KEPT = 10_000;

/** Last stamp (epoch ms, whole seconds) per meeting ID, oldest first; bounded to MEETINGS_KEPT. */
const lastStamps = new Map<string, number>();

export function nextInvitationStamp(meetingId: string, now: number): Date {
	const second = Math.floor(now / 1000) * 1000;
	const last = lastStamps.get(meetingId);
	const stamp = last !== undefined && last >= second ? last + 1000 : second;
	lastStamps.delete(meetingId);
	lastStamps.set(meetingId, stamp);
	if (lastStamps.size > MEETINGS_KEPT) lastStamps.delete(lastStamps.keys().next().value!);
	return new Date(stamp);
}
