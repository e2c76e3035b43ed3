import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleepWithAbort } from 'n8n-workflow';

import { readServiceTime } from '../../../helpers/time';
import { meetingPage } from '../../../meetings/answers';
import { hasNextPage, PAGE_SIZE, PageGuard } from '../../../meetings/paging';
import { callUMeeting, outcomeUnknown } from '../../../transport';
import type { RunInfo } from '../../operation';
import type { MeetingFamily } from './family';

/** What makes two bookings the same meeting. */
export interface MeetingIdentity {
	/** The listing filter: user_key, when given. */
	scope: Record<string, string>;
	topic: string;
	/** Schedule: the start instant (ms) and the duration; Start Instant Meeting: neither. */
	start?: number;
	duration?: number;
}

/** An instant meeting started this recently with the same topic is the same one. */
export const INSTANT_SAME_WITHIN_MS = 15 * 60 * 1000;

/**
 * After a failure that leaves unknown whether UMeeting booked, the live list is read again this
 * many times, this far apart (ms): a listing may lag a moment behind a booking.
 */
export const RECOVERY_LOOKS_MS = [0, 1000, 2000];

type Row = { id: string; topic?: unknown; start_time?: unknown; duration?: unknown; status?: unknown };

/** How an item came to its meeting. */
export type Outcome = { meetingId: string; how: 'booked' | 'existing' | 'recovered'; answer?: unknown };

/**
 * What the items of one run share for If the Same Meeting Exists: one listing of the live meetings
 * per filter (the first item that needs it reads it, the others wait for it), and one booking per
 * meeting (an item naming a meeting another item of the run books or found gets that meeting).
 */
class SameMeetings {
	private readonly listings = new Map<string, Promise<Row[]>>();

	private readonly bookings = new Map<string, Promise<Outcome>>();

	constructor(private readonly family: MeetingFamily) {}

	/** Runs `work` once per identity in this run; later items get its outcome as an existing meeting. */
	async once(identity: MeetingIdentity, work: () => Promise<Outcome>): Promise<Outcome> {
		const key = JSON.stringify(identity);
		const earlier = this.bookings.get(key);
		if (earlier) {
			const { meetingId, answer } = await earlier;
			return { meetingId, how: 'existing', answer };
		}
		const outcome = work();
		this.bookings.set(key, outcome);
		return await outcome;
	}

	/** The live meetings under the identity's filter, read once per run. */
	async listed(context: IExecuteFunctions, identity: MeetingIdentity, itemIndex: number): Promise<Row[]> {
		const key = JSON.stringify(identity.scope);
		let listing = this.listings.get(key);
		if (!listing) {
			listing = this.read(context, identity.scope, itemIndex);
			this.listings.set(key, listing);
		}
		return await listing;
	}

	/** The live meetings under a filter, read now, every page. */
	async read(context: IExecuteFunctions, scope: Record<string, string>, itemIndex: number): Promise<Row[]> {
		const endpoint = `${this.family.prefix}/list`;
		const rows: Row[] = [];
		const guard = new PageGuard(context.getNode(), endpoint, itemIndex);
		for (let page = 1; ; page++) {
			const answer = await callUMeeting.call(context, {
				endpoint,
				form: { ...scope, page_size: String(PAGE_SIZE), page_number: String(page) },
				itemIndex,
				data: meetingPage,
			});
			const more = hasNextPage(answer);
			guard.check(answer.meetings, more);
			rows.push(...answer.meetings);
			if (!more) return rows;
		}
	}
}

/**
 * The listing filter of a booking's form: its User Key if any. Only a family whose meetings the
 * list endpoint returns has the option (MeetingFamily.listed): the personal accounts' only listing,
 * private/list, is marked deprecated in the manual.
 */
export function sameScope(form: Record<string, string>): Record<string, string> {
	return form.user_key === undefined ? {} : { user_key: form.user_key };
}

/** The run's registry for a family (made by the first item that asks). */
export function sameMeetings(run: RunInfo, family: MeetingFamily): SameMeetings {
	const key = `sameMeetings:${family.prefix}`;
	let found = run.shared.get(key) as SameMeetings | undefined;
	if (!found) {
		found = new SameMeetings(family);
		run.shared.set(key, found);
	}
	return found;
}

/** The first live meeting that is the same as the identity, if any. */
export function findSame(rows: Row[], identity: MeetingIdentity, serviceZone: string, now: number) {
	return rows.find((row) => {
		if (row.topic !== identity.topic || (row.status !== 0 && row.status !== 1)) return false;
		const start =
			typeof row.start_time === 'string'
				? readServiceTime(row.start_time, serviceZone)?.toMillis()
				: undefined;
		if (start === undefined) return false;
		if (identity.start === undefined) return row.status === 1 && now - start <= INSTANT_SAME_WITHIN_MS;
		return start === identity.start && Number(row.duration) === identity.duration;
	});
}

/**
 * Books through `book` unless the same meeting is live already. When the booking fails in a way
 * that leaves unknown whether UMeeting booked (a timeout, a dropped connection, an answer cut off, a
 * 5xx), the live list is read again (RECOVERY_LOOKS_MS) and the meeting given if it is there; the
 * booking is never sent again, since only a meeting seen proves what the service did.
 */
export async function bookOnce(
	context: IExecuteFunctions,
	run: RunInfo,
	spec: { family: MeetingFamily; identity: MeetingIdentity; itemIndex: number },
	book: () => Promise<{ meetingId: string; answer: unknown }>,
): Promise<Outcome> {
	const { family, identity, itemIndex } = spec;
	const registry = sameMeetings(run, family);
	return await registry.once(identity, async () => {
		const live = await registry.listed(context, identity, itemIndex);
		const existing = findSame(live, identity, run.serviceTimeZone, Date.now());
		if (existing) return { meetingId: existing.id, how: 'existing' };
		try {
			return { ...(await book()), how: 'booked' };
		} catch (caught) {
			const error = caught as NodeApiError | NodeOperationError;
			if (!outcomeUnknown(error)) throw error;
			for (const wait of RECOVERY_LOOKS_MS) {
				if (wait) await sleepWithAbort(wait, context.getExecutionCancelSignal());
				const rows = await registry.read(context, identity.scope, itemIndex);
				const found = findSame(rows, identity, run.serviceTimeZone, Date.now());
				if (found) return { meetingId: found.id, how: 'recovered' };
			}
			throw notFoundAfter(error);
		}
	});
}

function notFoundAfter<E extends NodeApiError | NodeOperationError>(error: E): E {
	const seconds = RECOVERY_LOOKS_MS[RECOVERY_LOOKS_MS.length - 1] / 1000;
	error.description = [
		error.description,
		`The node then looked for the meeting in UMeeting's live list ${RECOVERY_LOOKS_MS.length} times over ${seconds} s and did not find it; it did not send the booking again, since UMeeting may still show the meeting later. Running the item again looks once more and books only if the meeting is still not there.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}
