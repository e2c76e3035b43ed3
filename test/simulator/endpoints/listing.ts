import { type Form, integer, onlyKeys } from '../formRules';
import type { MeetingStatus, StoredMeeting } from '../meetings';
import { CREDENTIALS, type EndpointContext } from './context';

type Row = (meeting: StoredMeeting) => Record<string, unknown>;

/** One page of the meetings in the given states, latest start first. */
function listing(states: MeetingStatus[], row: Row) {
	return (form: Form, { store }: EndpointContext) => {
		onlyKeys(form, [...CREDENTIALS, 'user_key', 'page_size', 'page_number']);
		const pageSize = integer(form, 'page_size', { min: 1 }) ?? 30;
		const pageNumber = integer(form, 'page_number', { min: 1 }) ?? 1;
		const matching = store
			.all()
			.filter((m) => states.includes(m.status))
			.filter((m) => form.user_key === undefined || m.user_key === form.user_key)
			.sort((a, b) => compareText(b.start_time, a.start_time) || Number(b.id) - Number(a.id));
		const totalPage = Math.max(1, Math.ceil(matching.length / pageSize));
		return {
			page_num: pageNumber,
			page_size: pageSize,
			total_record: matching.length,
			total_page: totalPage,
			has_previous_page: pageNumber > 1,
			has_next_page: pageNumber < totalPage,
			meetings: matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(row),
		};
	};
}

/** Service times sort as text: fixed width, largest unit first. */
function compareText(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0;
}

export const list = listing([0, 1], (m) => ({
	duration: m.duration,
	start_time: m.start_time,
	topic: m.topic,
	join_url: m.join_url,
	id: m.id,
	status: m.status,
	host_key: m.host_key,
	type: m.type,
}));

export const history = listing([2, 3], (m) => ({
	duration: m.duration,
	start_time: m.start_time,
	topic: m.topic,
	id: m.id,
	status: m.status,
	host_key: m.host_key,
	type: m.type,
}));
