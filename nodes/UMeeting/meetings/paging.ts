import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The page size the manual documents as the default; readers follow the pages the service reports. */
export const PAGE_SIZE = 30;

/** Most pages one list reads: 300 pages of 30 are 9,000 rows, far beyond a real account's list. */
export const MAX_PAGES = 300;

/** Whether the service says another page follows; an empty page ends the list whatever it says. */
export function hasNextPage(answer: {
	has_next_page?: boolean;
	page_num: number;
	total_page: number;
	meetings: unknown[];
}): boolean {
	if (answer.meetings.length === 0) return false;
	return answer.has_next_page ?? answer.page_num < answer.total_page;
}

/**
 * Stops a list whose pages never end: a page that repeats the one before (a service that ignores
 * page_number) or more pages than MAX_PAGES both fail the item with a clear error instead of
 * requesting forever.
 */
export class PageGuard {
	private pages = 0;

	private previous = '';

	constructor(
		private readonly node: INode,
		private readonly endpoint: string,
		private readonly itemIndex: number,
	) {}

	/** Call with each page read and whether the service says more follow. */
	check(meetings: Array<{ id?: unknown }>, more: boolean) {
		this.pages++;
		const ids = meetings.map((meeting) => String(meeting.id)).join(',');
		if (ids !== '' && ids === this.previous) {
			this.fail(
				`UMeeting answered page ${this.pages} of ${this.endpoint} with the same entries as page ${this.pages - 1}`,
			);
		}
		if (more && this.pages >= MAX_PAGES) {
			this.fail(`UMeeting still reported more entries after ${MAX_PAGES} pages of ${this.endpoint}`);
		}
		this.previous = ids;
	}

	private fail(message: string): never {
		throw new NodeApiError(
			this.node,
			{ endpoint: this.endpoint, pages: this.pages },
			{
				message,
				description:
					'The node stopped reading instead of asking for pages without end. Turn off Return All and set a Limit, or narrow what is asked for.',
				itemIndex: this.itemIndex,
			},
		);
	}
}
