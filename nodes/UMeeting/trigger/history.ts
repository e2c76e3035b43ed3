import { hasNextPage, MAX_PAGES, PageGuard } from '../meetings/paging';
import { type MeetingRow, type Reader, readPage, startOf } from './read';
import type { HistoryBacklog } from './state';

/**
 * History pages a poll may read beyond what the account needed at the previous poll: the budget
 * follows the account's volume (cancelled meetings with a future start sort to the top of the
 * history and are read at every poll), and this much more is left for catching up.
 */
export const HISTORY_EXTRA_PAGES = 40;

export interface HistoryPlan {
	/** Read down to the first row that started before this (ms). */
	floor: number;
	/** What an earlier poll left unread, if anything. */
	backlog: HistoryBacklog | null;
	/** Most pages to read; Infinity reads down to the floor whatever it costs (the first poll). */
	budget: number;
}

export interface HistoryRead {
	rows: MeetingRow[];
	/** Pages read before the floor was reached (all pages read when it was not). */
	pagesToFloor: number;
	/** What is still unread when the budget ran out. */
	backlog: HistoryBacklog | null;
}

/**
 * Reads the history (cancelled and ended meetings, which UMeeting lists latest start first) from
 * the top down to `plan.floor`, then on through the backlog an earlier poll left, within the page
 * budget. Rows only ever move down the history (a meeting that closes is inserted at its start), so
 * the backlog is resumed a page before where it was left, and nothing in it is missed. A page out of
 * start order does not count as reaching the floor.
 */
export async function readHistory(reader: Reader, plan: HistoryPlan): Promise<HistoryRead> {
	const rows: MeetingRow[] = [];
	const guard = new PageGuard(reader.context.getNode(), 'share/history', 0);
	const budget = Math.min(plan.budget, MAX_PAGES - 1);
	let pages = 0;
	let lowest = Number.POSITIVE_INFINITY;
	let page = 1;

	/** Reads on from `page` until a page ends before `floor`; false when the budget ran out first. */
	const readDownTo = async (floor: number): Promise<'floor' | 'end' | 'budget'> => {
		for (; ; page++) {
			if (pages >= budget) return 'budget';
			const answer = await readPage(reader, 'share/history', page);
			pages++;
			const more = hasNextPage(answer);
			guard.check(answer.meetings, more);
			rows.push(...answer.meetings);
			let ordered = true;
			let before = Number.POSITIVE_INFINITY;
			for (const row of answer.meetings) {
				const start = startOf(reader, row);
				if (start === null || start > before) ordered = false;
				else before = start;
				if (start !== null) lowest = Math.min(lowest, start);
			}
			if (!more) return 'end';
			if (ordered && before < floor) {
				page++;
				return 'floor';
			}
		}
	};

	const leftOver = (floor: number): HistoryBacklog => ({ floor, below: lowest, page });
	const top = await readDownTo(plan.floor);
	const pagesToFloor = pages;
	const backlog = plan.backlog;
	if (top === 'end') return { rows, pagesToFloor, backlog: null };
	if (top === 'budget') {
		return { rows, pagesToFloor, backlog: leftOver(Math.min(plan.floor, backlog?.floor ?? Infinity)) };
	}
	if (!backlog || lowest < backlog.floor) return { rows, pagesToFloor, backlog: null };
	// Rows between the backlog and the floor were read by an earlier poll, and none closed since.
	if (lowest >= backlog.below) page = Math.max(page, backlog.page - 1);
	const rest = await readDownTo(backlog.floor);
	return { rows, pagesToFloor, backlog: rest === 'budget' ? leftOver(backlog.floor) : null };
}
