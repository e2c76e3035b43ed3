import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { meetingPage } from '../actions/meeting/shared/answers';
import { PAGE_SIZE } from '../actions/meeting/shared/listMeetings';
import { DEFAULT_TIMEOUT_MS, requestUMeeting } from '../transport';
import { openSession } from '../transport/session';

const MAX_PAGES_PER_SEARCH = 10;

/**
 * "From List" of the Meeting field: the scheduled and running meetings, one page of the service's
 * list per request, filtered by topic or meeting number as the user types.
 */
export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const session = await openSession(this, DEFAULT_TIMEOUT_MS);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchResult['results'] = [];
	let page = Number(paginationToken ?? 1);
	// With a filter, matches may sit on later pages: read on (a bounded number of pages per call)
	// until a page's worth is found, so the editor does not show an empty first page.
	for (let read = 0; read < MAX_PAGES_PER_SEARCH; read++, page++) {
		const answer = await requestUMeeting(this, session, {
			endpoint: 'share/list',
			form: { page_size: String(PAGE_SIZE), page_number: String(page) },
			itemIndex: 0,
			data: meetingPage,
		});
		for (const meeting of answer.meetings as Array<{
			id: string;
			topic?: string;
			start_time?: string;
			join_url?: unknown;
		}>) {
			if (needle && !`${meeting.topic ?? ''} ${meeting.id}`.toLowerCase().includes(needle)) continue;
			results.push({
				name: `${meeting.topic || '(no topic)'} · ${meeting.start_time ?? ''} · ${meeting.id}`,
				value: meeting.id,
				url: typeof meeting.join_url === 'string' && meeting.join_url !== '' ? meeting.join_url : undefined,
			});
		}
		const more = answer.has_next_page ?? answer.page_num < answer.total_page;
		if (!more || answer.meetings.length === 0) return { results };
		if (!needle || results.length >= PAGE_SIZE) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}
