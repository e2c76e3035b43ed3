import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { meetingPage } from '../meetings/answers';
import { hasNextPage, PAGE_SIZE } from '../meetings/paging';
import { DEFAULT_TIMEOUT_MS, requestUMeeting } from '../transport';
import { openSession } from '../transport/session';

/**
 * "From List" of the Meeting field: the scheduled and running meetings, filtered by topic or meeting
 * number as the user types. Exactly one request per call: the editor asks for the next page only
 * when the user scrolls to it, so a service that always reports more pages cannot make it loop.
 */
export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const session = await openSession(this, { timeout: DEFAULT_TIMEOUT_MS });
	const needle = filter?.trim().toLowerCase() ?? '';
	const page = Math.max(1, Number(paginationToken ?? 1) || 1);
	const answer = await requestUMeeting(this, session, {
		endpoint: 'share/list',
		form: { page_size: String(PAGE_SIZE), page_number: String(page) },
		itemIndex: 0,
		data: meetingPage,
	});
	const results: INodeListSearchResult['results'] = [];
	for (const meeting of answer.meetings as Array<{
		id: string;
		topic?: string;
		start_time?: string;
		join_url?: unknown;
	}>) {
		if (needle && !`${meeting.topic ?? ''} ${meeting.id}`.toLowerCase().includes(needle)) continue;
		results.push({
			name: `${meeting.topic || '(no topic)'} · ${meeting.start_time ?? ''} ${session.serviceTimeZone} · ${meeting.id}`,
			value: meeting.id,
			url: typeof meeting.join_url === 'string' && meeting.join_url !== '' ? meeting.join_url : undefined,
		});
	}
	return hasNextPage(answer) ? { results, paginationToken: String(page + 1) } : { results };
}
