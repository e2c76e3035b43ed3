import type { UMeetingSimulator } from '../../test/simulator';
import type { Checks } from './checks';
import type { SmtpReceiver } from './smtpReceiver';
import { bookMeeting, POLL_WAIT_MS, pollStarts, type PostReceiver, sleep, waitFor } from './trigger';

/**
 * A burst in the running `n8n start` of trigger.ts, whose activated workflows poll every minute:
 * 300 meetings, booked while n8n is down for its restart so that the poll at the restart sees them
 * in the live list, all end within one poll interval (the simulator's clock moves past their end),
 * and 60 meetings with a start a day ahead are cancelled in the same interval, so that the top of
 * the history the trigger reads is busy with them. The workflow with every event must report each
 * meeting's events exactly once, also over two further polls; the example workflow (Meeting Ended,
 * then a mail) mails once per ended meeting. The seconds from the clock move to the last event are
 * printed for the README.
 */

const BURST = { ended: 300, cancelled: 60 };

/** The burst's meetings start this long after booking, after the poll at the restart. */
const START_IN_MS = 10 * 60_000;

/** Past the end of every burst meeting (31 minutes long). */
const CLOCK_MOVE_MS = 45 * 60_000;

/** What each burst meeting must give, sorted (the HTTP Request node posts one poll's items concurrently). */
const EXPECTED = {
	ended: ['meetingEnded', 'meetingScheduled', 'meetingStarted'],
	cancelled: ['meetingCancelled', 'meetingScheduled'],
};

export interface BookedBurst {
	ended: string[];
	cancelled: string[];
}

export interface BurstContext {
	simulator: UMeetingSimulator;
	receiver: PostReceiver;
	smtp: SmtpReceiver;
	checks: Checks;
	log: (line: string) => void;
	/** Moves the simulator's clock on by `ms`. */
	moveClock: (ms: number) => void;
}

/**
 * Books the burst without cloud recording: 300 Recording Ready events would need many polls of
 * recording looks, and the burst is about the meeting events.
 */
export async function bookBurst(simulator: UMeetingSimulator): Promise<BookedBurst> {
	const now = simulator.clock.now().toMillis();
	const booked: BookedBurst = { ended: [], cancelled: [] };
	for (let i = 1; i <= BURST.ended; i++)
		booked.ended.push(await bookMeeting(simulator, new Date(now + START_IN_MS), `Burst ${i}`, 31, 'none'));
	for (let i = 1; i <= BURST.cancelled; i++) {
		const start = new Date(now + 24 * 3_600_000);
		booked.cancelled.push(await bookMeeting(simulator, start, `Burst cancelled ${i}`, 31, 'none'));
	}
	return booked;
}

async function cancelMeeting(simulator: UMeetingSimulator, id: string) {
	await fetch(`${simulator.url}/umeeting/share/delete`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ api_key: simulator.apiKey, api_secret: simulator.apiSecret, id }),
	});
}

export async function runBurst(context: BurstContext, burst: BookedBurst) {
	const { simulator, receiver, smtp, checks, log } = context;
	const ids = new Set([...burst.ended, ...burst.cancelled]);
	const posts = () => receiver.at('/events').filter((post) => ids.has(String(post.body.meeting_id)));
	const count = (event: string) => posts().filter((post) => post.body.event === event).length;
	const others = () => receiver.at('/events').length - posts().length;
	const mailed = () =>
		smtp.mails.filter((mail) => (mail.parsed.subject ?? '').startsWith('Attendance: Burst'));

	await waitFor(
		'Meeting Scheduled of every burst meeting',
		POLL_WAIT_MS,
		() => count('meetingScheduled') >= ids.size,
	);
	const othersBefore = others();
	const mailsBefore = smtp.mails.length;

	await Promise.all(burst.cancelled.map((id) => cancelMeeting(simulator, id)));
	context.moveClock(CLOCK_MOVE_MS);
	const movedAt = Date.now();
	// Waits give way to the checks below, which say what is missing.
	await waitFor('Meeting Ended and Meeting Cancelled of the burst', POLL_WAIT_MS + 120_000, () => {
		return count('meetingEnded') >= BURST.ended && count('meetingCancelled') >= BURST.cancelled;
	}).catch((error: Error) => log(error.message));
	const closing = posts().filter((post) =>
		['meetingEnded', 'meetingCancelled'].includes(String(post.body.event)),
	);
	const lastAt = Math.max(...closing.map((post) => post.at));
	// The poll that reported them: the last to begin before the first of them arrived (the other
	// workflow polls at its own second of the minute).
	const firstAt = Math.min(...closing.map((post) => post.at));
	const pollAt =
		pollStarts(simulator)
			.filter((request) => request.receivedAt <= firstAt)
			.at(-1)?.receivedAt ?? NaN;
	await waitFor("the example's mails", 180_000, () => mailed().length >= BURST.ended).catch((error: Error) =>
		log(error.message),
	);
	const mailsAt = Date.now();
	// Two further polls of each of the two active workflows: nothing may arrive again.
	const settled = pollStarts(simulator).length;
	await waitFor('two further polls', 2 * POLL_WAIT_MS, () => pollStarts(simulator).length >= settled + 4);
	await sleep(5_000);

	const byMeeting = new Map<string, string[]>();
	for (const { body } of posts()) {
		const id = String(body.meeting_id);
		byMeeting.set(id, [...(byMeeting.get(id) ?? []), String(body.event)].sort());
	}
	const wrong = (list: string[], expected: string[]) =>
		list
			.filter((id) => JSON.stringify(byMeeting.get(id) ?? []) !== JSON.stringify(expected))
			.map((id) => ({ id, events: byMeeting.get(id) ?? [] }));
	const wrongEnded = wrong(burst.ended, EXPECTED.ended);
	const wrongCancelled = wrong(burst.cancelled, EXPECTED.cancelled);
	checks.that(
		wrongEnded.length === 0,
		`each of the ${BURST.ended} meetings ending in one interval gives Meeting Scheduled, Started and Ended once`,
		{ wrong: wrongEnded.length, first: wrongEnded.slice(0, 5) },
	);
	checks.that(
		wrongCancelled.length === 0,
		`each of the ${BURST.cancelled} meetings cancelled in it gives Meeting Scheduled and Cancelled once`,
		{ wrong: wrongCancelled.length, first: wrongCancelled.slice(0, 5) },
	);
	const flagged = (event: string, inferred: boolean) =>
		posts().filter((post) => post.body.event === event && (post.body.inferred === true) === inferred).length;
	checks.equal(
		flagged('meetingScheduled', false),
		ids.size,
		'each was seen in the live list (Scheduled not inferred)',
	);
	checks.equal(flagged('meetingStarted', true), BURST.ended, 'each Meeting Started of the burst is inferred');
	checks.equal(others(), othersBefore, 'no event of any other meeting arrives meanwhile');
	const mailedIds = mailed().map((mail) => /\(meeting (\d+)\)/.exec(mail.parsed.text ?? '')?.[1]);
	checks.that(
		mailedIds.length === BURST.ended &&
			new Set(mailedIds).size === BURST.ended &&
			mailedIds.every((id) => burst.ended.includes(id!)),
		`the example mails once for each of the ${BURST.ended} ended meetings`,
		{ mails: smtp.mails.length - mailsBefore, distinct: new Set(mailedIds).size },
	);

	const seconds = (ms: number) => (ms / 1000).toFixed(1);
	log(
		`burst: ${BURST.ended} meetings ended and ${BURST.cancelled} cancelled within one poll interval; ` +
			`${closing.length} Meeting Ended/Cancelled events, the last ${seconds(lastAt - movedAt)} s after the clock moved ` +
			`(the poll reporting them began ${seconds(pollAt - movedAt)} s after it: ${seconds(lastAt - pollAt)} s from that poll to the last event); ` +
			`the example's ${mailed().length} mails by ${seconds(mailsAt - movedAt)} s`,
	);
}
