import { type Form, onlyKeys, requireText } from '../formRules';
import { READY_MINUTES, type StoredMeeting } from '../meetings';
import { ContractViolation } from '../refusals';
import { CREDENTIALS, type EndpointContext, findMeeting, STATE_PHRASE } from './context';
import { liveFields } from './newMeeting';

function meetingOf(form: Form, context: EndpointContext, key: string) {
	onlyKeys(form, [...CREDENTIALS, key]);
	return findMeeting(context, requireText(form, key));
}

/** The manual shows this answer's numbers as strings; the simulator keeps them so. */
export function get(form: Form, context: EndpointContext) {
	const meeting = meetingOf(form, context, 'meeting_id');
	return {
		id: meeting.id,
		topic: meeting.topic,
		start_time: meeting.start_time,
		duration: String(meeting.duration),
		meeting_capacity: String(meeting.meeting_capacity),
		password: meeting.password ?? '',
		join_url: meeting.join_url,
		user_key: meeting.user_key ?? null,
		status: String(meeting.status),
		del_flag: meeting.deleted ? '1' : '0',
		allow_live_streaming: String(meeting.flags.allow_live_streaming === true),
		...liveFields(meeting, false),
	};
}

export function token(form: Form, context: EndpointContext) {
	const meeting = meetingOf(form, context, 'meeting_id');
	return { host_id: meeting.host_id, token: meeting.token };
}

export const START_URL_WINDOW = `the start URL is only available from ${READY_MINUTES} minutes before the start time until the meeting's end`;

/** The host link is handed out only while the host may open the meeting: see READY_MINUTES. */
export function getStartUrl(form: Form, context: EndpointContext) {
	const meeting = meetingOf(form, context, 'id');
	if (meeting.status === 2 || meeting.status === 3) {
		throw new ContractViolation(`no start URL: the meeting ${STATE_PHRASE[meeting.status]}`);
	}
	const { clock } = context;
	const now = clock.now();
	const inWindow = (text: string) => {
		const start = clock.parse(text);
		return now >= start.minus({ minutes: READY_MINUTES }) && now <= start.plus({ minutes: meeting.duration });
	};
	if (meeting.status === 0 && !pendingStarts(meeting).some(inWindow)) {
		throw new ContractViolation(START_URL_WINDOW);
	}
	return { start_url: meeting.start_url };
}

/** Starts the host can still open: each open occurrence of a series, or the meeting's own start. */
function pendingStarts(meeting: StoredMeeting): string[] {
	if (!meeting.occurrences) return [meeting.start_time];
	return meeting.occurrences.filter((o) => o.status === 0).map((o) => o.start_time);
}
