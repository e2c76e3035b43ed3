import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { callUMeeting } from '../../../transport';
import { hasNextPage, PAGE_SIZE, PageGuard } from '../../../meetings/paging';

/** The paging fields of share/detail and share/summary once their schema read them. */
interface PageAnswer {
	page_number?: number | null;
	page_num?: number | null;
	total_page?: number | null;
	has_next_page?: boolean;
}

export interface PagedRead<S extends z.ZodTypeAny, R> {
	endpoint: string;
	/** The form without page_size and page_number. */
	form: Record<string, string>;
	itemIndex: number;
	/** The answer's schema; its output carries the paging fields of PageAnswer. */
	data: S;
	/** The rows of one page. */
	rows: (answer: z.output<S>) => R[];
	/** What tells a row from another, to notice a page that repeats the one before. */
	identity: (row: R) => string;
	/** Whether a row is kept for the output; rows dropped do not count towards `wanted`. */
	keep?: (row: R) => boolean;
	/** How many kept rows are enough: reading stops once a page brings them. */
	wanted: number;
}

/**
 * Reads pages of a paged statistics endpoint from the first one on, until the service reports no
 * further page, a page comes back empty, or enough rows are kept. Bounded by PageGuard: a page
 * that repeats the one before, or more than MAX_PAGES pages, fails the item clearly.
 */
export async function readPages<S extends z.ZodTypeAny, R>(
	context: IExecuteFunctions,
	spec: PagedRead<S, R>,
): Promise<{ first: z.output<S>; rows: R[] }> {
	const guard = new PageGuard(context.getNode(), spec.endpoint, spec.itemIndex);
	const kept: R[] = [];
	let first: z.output<S> | undefined;
	for (let page = 1; ; page++) {
		const answer: z.output<S> = await callUMeeting.call(context, {
			endpoint: spec.endpoint,
			form: { ...spec.form, page_size: String(PAGE_SIZE), page_number: String(page) },
			itemIndex: spec.itemIndex,
			data: spec.data,
		});
		first ??= answer;
		const rows = spec.rows(answer);
		const paging = answer as PageAnswer;
		const more = hasNextPage({
			has_next_page: paging.has_next_page,
			page_num: paging.page_number ?? paging.page_num ?? page,
			total_page: paging.total_page ?? page,
			meetings: rows,
		});
		guard.check(
			rows.map((row) => ({ id: spec.identity(row) })),
			more,
		);
		kept.push(...(spec.keep ? rows.filter(spec.keep) : rows));
		if (!more || kept.length >= spec.wanted) break;
	}
	return { first, rows: kept.slice(0, spec.wanted) };
}
