import { type Form, flag, integer, maxBytes, oneOf, onlyKeys, requireText, serviceTime } from '../formRules';
import { READY_MINUTES } from '../meetings';
import type { Recurrence } from '../recurrence';
import { ContractViolation } from '../refusals';
import { CREDENTIALS, type EndpointContext } from './context';
import { addMeeting, liveFields } from './newMeeting';
import { parseRecurrence, RECURRENCE_KEYS } from './recurrenceForm';

const SCHEDULE_KEYS = [
	...CREDENTIALS,
	'topic',
	'meeting_capacity',
	'start_time',
	'duration',
	'password',
	'user_key',
	'mute_upon_entry',
	'use_pmi',
	'option_host_video',
	'option_participants_video',
	'recording',
	'host_name',
	'allow_live_streaming',
	'waiting_room',
	'enable_webinar',
	...RECURRENCE_KEYS,
];

const SCHEDULE_FLAGS = [
	'mute_upon_entry',
	'use_pmi',
	'option_host_video',
	'option_participants_video',
	'allow_live_streaming',
	'waiting_room',
	'enable_webinar',
];

const NOT_FOR_WEBINAR = [
	'mute_upon_entry',
	'option_host_video',
	'option_participants_video',
	'allow_live_streaming',
	'waiting_room',
];

export const RECORDING = ['cloud', 'none'] as const;

/** What a schedule request means once every documented rule is checked. */
export interface ScheduleRequest {
	topic: string;
	start: string;
	duration: number;
	capacity: number;
	recording?: (typeof RECORDING)[number];
	flags: Record<string, boolean | undefined>;
	recurrence?: Recurrence;
}

/** Checks a schedule form body against the manual; throws ContractViolation on the first breach. */
export function checkSchedule(form: Form): ScheduleRequest {
	onlyKeys(form, SCHEDULE_KEYS);
	const topic = requireText(form, 'topic');
	const capacity = integer(form, 'meeting_capacity', { min: 1, required: true })!;
	const start = serviceTime(form, 'start_time', true)!;
	const duration = checkDuration(form, true)!;
	maxBytes(form, 'user_key', 200);
	const flags = flagsOf(form, SCHEDULE_FLAGS);
	const recording = oneOf(form, 'recording', RECORDING);
	if (flags.enable_webinar) checkWebinar(flags);
	return { topic, start, duration, capacity, recording, flags, recurrence: parseRecurrence(form, start) };
}

/** The manual wants meetings longer than half an hour wherever it takes a duration. */
export function checkDuration(form: Form, required: boolean): number | undefined {
	const duration = integer(form, 'duration', { required });
	if (duration !== undefined && duration <= 30) {
		throw new ContractViolation(`duration must be greater than 30, got ${duration}`);
	}
	return duration;
}

export function flagsOf(form: Form, keys: readonly string[]): Record<string, boolean | undefined> {
	return Object.fromEntries(keys.map((key) => [key, flag(form, key)]));
}

/** Refuses the options a webinar cannot have when the request turns them on. */
export function checkWebinar(flags: Record<string, boolean | undefined>) {
	const unsupported = NOT_FOR_WEBINAR.filter((key) => flags[key] === true);
	if (unsupported.length) throw new ContractViolation(`webinars do not support ${unsupported.join(', ')}`);
}

export function schedule(form: Form, context: EndpointContext) {
	const request = checkSchedule(form);
	return addMeeting(context, form, { ...request, type: '2', status: 0 }, (meeting) => ({
		host_key: meeting.host_key,
		join_url: meeting.join_url,
		meeting_id: meeting.id,
		start_time: meeting.start_time,
		host_id: meeting.host_id,
		token: meeting.token,
		mute_upon_entry: form.mute_upon_entry ?? 'false',
		ready_time: READY_MINUTES,
		start_url: meeting.start_url,
		...liveFields(meeting, true),
		...(meeting.occurrences && {
			occurrences: meeting.occurrences.map(({ start_time, uuid }) => ({ start_time, uuid })),
		}),
	}));
}
