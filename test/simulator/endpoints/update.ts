import { type Form, maxBytes, oneOf, onlyKeys, optionalText, requireText, serviceTime } from '../formRules';
import type { Recurrence } from '../recurrence';
import { ContractViolation, notFound } from '../refusals';
import { CREDENTIALS, type EndpointContext, STATE_PHRASE } from './context';
import { newLiveStream } from './newMeeting';
import { checkEnd, expand, parseRecurrence, RECURRENCE_KEYS } from './recurrenceForm';
import { checkDuration, checkWebinar, flagsOf, RECORDING } from './schedule';

const UPDATE_FLAGS = ['mute_upon_entry', 'allow_live_streaming', 'waiting_room'];

const UPDATE_KEYS = [
	...CREDENTIALS,
	'id',
	'topic',
	'start_time',
	'duration',
	'password',
	'user_key',
	'recording',
	'host_name',
	...UPDATE_FLAGS,
	...RECURRENCE_KEYS,
];

/** What an update request asks for once every documented rule is checked; undefined fields stay as they are. */
export interface UpdateRequest {
	id: string;
	start: string;
	duration: number;
	topic?: string;
	password?: string;
	userKey?: string;
	hostName?: string;
	recording?: (typeof RECORDING)[number];
	flags: Record<string, boolean | undefined>;
	/** A new rule, null to make a series a single meeting, undefined to keep what the meeting has. */
	recurrence: Recurrence | null | undefined;
}

/** Checks an update form body against the manual; throws ContractViolation on the first breach. */
export function checkUpdate(form: Form): UpdateRequest {
	onlyKeys(form, UPDATE_KEYS);
	const id = requireText(form, 'id');
	const start = serviceTime(form, 'start_time', true)!;
	const duration = checkDuration(form, true)!;
	const topic = optionalText(form, 'topic');
	const userKey = maxBytes(form, 'user_key', 200);
	const flags = flagsOf(form, UPDATE_FLAGS);
	const recording = oneOf(form, 'recording', RECORDING);
	// The manual's way to end a series: recurrence_type sent empty, and nothing else about recurrence.
	const rule = parseRecurrence(form, start);
	const recurrence = rule ?? (form.recurrence_type === '' ? null : undefined);
	return {
		id,
		start,
		duration,
		topic,
		password: form.password,
		userKey,
		hostName: form.host_name,
		recording,
		flags,
		recurrence,
	};
}

export function update(form: Form, context: EndpointContext) {
	const { store, publicUrl } = context;
	const request = checkUpdate(form);
	const meeting = store.get(request.id);
	if (!meeting) {
		if (store.findOccurrence(request.id)) {
			throw new ContractViolation(
				'update changes a whole series: give the meeting number, not an occurrence uuid',
			);
		}
		throw notFound();
	}
	if (meeting.status !== 0) {
		throw new ContractViolation(
			`only a scheduled meeting can be updated: this one ${STATE_PHRASE[meeting.status]}`,
		);
	}
	if (meeting.flags.enable_webinar) checkWebinar(request.flags);

	const keepRule = request.recurrence === undefined;
	const recurrence = keepRule ? meeting.recurrence : (request.recurrence ?? undefined);
	if (keepRule && recurrence) checkEnd(recurrence, request.start);
	// Occurrence uuids the caller already holds stay valid unless the series itself changes.
	if (!keepRule || request.start !== meeting.start_time) {
		meeting.occurrences = recurrence && expand(request.start, recurrence);
	}
	meeting.recurrence = recurrence;
	meeting.start_time = request.start;
	meeting.start_instant = context.clock.parse(request.start).toUTC().toISO()!;
	meeting.duration = request.duration;
	meeting.topic = request.topic ?? meeting.topic;
	meeting.password = request.password ?? meeting.password;
	meeting.user_key = request.userKey ?? meeting.user_key;
	meeting.host_name = request.hostName ?? meeting.host_name;
	meeting.recording = request.recording ?? meeting.recording;
	for (const [key, value] of Object.entries(request.flags)) {
		if (value !== undefined) meeting.flags[key] = value;
	}
	if (meeting.flags.allow_live_streaming) meeting.live ??= newLiveStream(publicUrl);
}
