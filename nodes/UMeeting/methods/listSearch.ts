import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { meetingPage } from '../actions/meeting/shared/answers';
import { PAGE_SIZE } from '../actions/meeting/shared/listMeetings';
import { DEFAULT_TIMEOUT_MS, requestUMeeting } from '../transport';

/**
 * "From List" of the Meeting field: the scheduled and running meetings, one page of the service's
 * list per request, filtered by topic or meeting number as the user types.
 */
export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const answer = await requestUMeeting(
		this,
		{
			endpoint: 'share/list',
			form: { page_size: String(PAGE_SIZE), page_number: String(page) },
			itemIndex: 0,
			data: meetingPage,
		},
		DEFAULT_TIMEOUT_MS,
	);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = answer.meetings
		.filter(
			(m: { id: string; topic?: string }) =>
				!needle || `${m.topic ?? ''} ${m.id}`.toLowerCase().includes(needle),
		)
		.map((m: { id: string; topic?: string; start_time?: string; join_url?: unknown }) => ({
			name: `${m.topic || '(no topic)'} · ${m.start_time ?? ''} · ${m.id}`,
			value: m.id,
			url: typeof m.join_url === 'string' && m.join_url !== '' ? m.join_url : undefined,
		}));
	const more = answer.has_next_page ?? answer.page_num < answer.total_page;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}
