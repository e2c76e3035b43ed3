import type { Form } from '../formRules';
import { digits, type LiveStream, type MeetingStatus, type StoredMeeting, token } from '../meetings';
import type { Recurrence } from '../recurrence';
import type { EndpointContext } from './context';
import { expand } from './recurrenceForm';

/** What schedule and instant know of a meeting once its form is checked. */
export interface MeetingSpec {
	type: StoredMeeting['type'];
	status: MeetingStatus;
	topic: string;
	start: string;
	duration: number;
	capacity: number;
	recording?: StoredMeeting['recording'];
	flags: Record<string, boolean | undefined>;
	recurrence?: Recurrence;
}

type Answer = (meeting: StoredMeeting) => Record<string, unknown>;

/** Stores a new meeting and returns the data answered for it, which the store keeps as well. */
export function addMeeting(
	{ store, publicUrl, clock }: EndpointContext,
	form: Form,
	spec: MeetingSpec,
	answer: Answer,
) {
	const id = store.newId();
	const meeting: StoredMeeting = {
		id,
		topic: spec.topic,
		start_time: spec.start,
		start_instant: clock.parse(spec.start).toUTC().toISO()!,
		duration: spec.duration,
		status: spec.status,
		type: spec.type,
		meeting_capacity: spec.capacity,
		password: form.password,
		host_key: digits(6),
		host_id: token(16),
		token: token(24),
		join_url: `${publicUrl}/j/${id}`,
		start_url: `${publicUrl}/s/${id}?zak=${token(48)}`,
		user_key: form.user_key,
		host_name: form.host_name,
		recording: spec.recording,
		flags: spec.flags,
		live: spec.flags.allow_live_streaming ? newLiveStream(publicUrl) : undefined,
		recurrence: spec.recurrence,
		occurrences: spec.recurrence && expand(spec.start, spec.recurrence),
		form,
		data: {},
	};
	meeting.data = answer(meeting);
	store.add(meeting);
	return meeting.data;
}

export function newLiveStream(publicUrl: string): LiveStream {
	const liveId = digits(8);
	return {
		live_id: liveId,
		play_addr: `${publicUrl}/live/${liveId}/live.m3u8`,
		watch_url: `${publicUrl}/live/tvchat-${liveId}`,
	};
}

/** The streaming addresses an answer carries while streaming is on. */
export function liveFields(meeting: StoredMeeting, withId: boolean): Record<string, string> {
	if (!meeting.flags.allow_live_streaming || !meeting.live) return {};
	const { live_id, play_addr, watch_url } = meeting.live;
	return withId ? { play_addr, watch_url, live_id } : { play_addr, watch_url };
}
