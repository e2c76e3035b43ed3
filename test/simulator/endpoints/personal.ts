import { type Form, integer, onlyKeys, requireText, serviceTime } from '../formRules';
import { digits, READY_MINUTES, type StoredMeeting, token } from '../meetings';
import { ContractViolation, notFound, ServiceRefusal } from '../refusals';
import { CREDENTIALS, type EndpointContext, STATE_PHRASE } from './context';
import { INSTANT_DURATION } from './instant';
import { checkDuration, flagsOf } from './schedule';

/**
 * The personal-account endpoints (private/*). A personal meeting is booked for the hostId of a
 * personal account linked to the API key, has no capacity, no series and no live stream, and lives
 * in the store's own map: the public-room endpoints (share/*) do not know its number, and private/*
 * does not know the public rooms' meetings. Both answer "meeting not found" for the other's.
 */
export type PersonalMeeting = Pick<
	StoredMeeting,
	| 'id'
	| 'topic'
	| 'start_time'
	| 'start_instant'
	| 'duration'
	| 'status'
	| 'deleted'
	| 'type'
	| 'password'
	| 'host_id'
	| 'host_key'
	| 'token'
	| 'join_url'
	| 'start_url'
	| 'flags'
	| 'form'
>;

const FLAGS = ['mute_upon_entry', 'webinar'];

/** schedule and instant take the same keys; instant has start_time and duration optional. */
const NEW_KEYS = [...CREDENTIALS, 'topic', 'start_time', 'duration', 'password', 'host_id', ...FLAGS];

const UPDATE_KEYS = [...CREDENTIALS, 'id', 'topic', 'start_time', 'duration', 'password', 'mute_upon_entry'];

export const UNKNOWN_ACCOUNT = 'personal account not found';

/** The fields schedule and instant share, checked after the unknown keys. */
function checkNew(form: Form) {
	onlyKeys(form, NEW_KEYS);
	return {
		topic: requireText(form, 'topic'),
		host_id: requireText(form, 'host_id'),
		flags: flagsOf(form, FLAGS),
	};
}

type Booking = ReturnType<typeof checkNew> & Pick<PersonalMeeting, 'type' | 'start_time' | 'duration'>;

/** Stores a checked personal meeting for a known account; answers the fields both answers have. */
function book(form: Form, { store, publicUrl, clock }: EndpointContext, booking: Booking) {
	if (!store.accounts.has(booking.host_id)) throw new ServiceRefusal(404, UNKNOWN_ACCOUNT);
	const id = store.newId();
	const meeting: PersonalMeeting = {
		...booking,
		id,
		start_instant: clock.parse(booking.start_time).toUTC().toISO()!,
		// An instant meeting is under way at once.
		status: booking.type === '1' ? 1 : 0,
		password: form.password,
		host_key: digits(6),
		token: token(24),
		join_url: `${publicUrl}/j/${id}`,
		start_url: `${publicUrl}/s/${id}?zak=${token(48)}`,
		form,
	};
	store.personal.set(id, meeting);
	store.created++;
	const { host_key, join_url, host_id, start_url } = meeting;
	return { host_key, meeting_id: id, join_url, host_id, token: meeting.token, start_url };
}

export function personalSchedule(form: Form, context: EndpointContext) {
	const fields = checkNew(form);
	const start_time = serviceTime(form, 'start_time', true)!;
	const duration = checkDuration(form, true)!;
	const data = book(form, context, { ...fields, type: '2', start_time, duration });
	return { ...data, ready_time: READY_MINUTES };
}

/** No minimum duration here (the manual states none); without a start time the meeting starts now. */
export function personalInstant(form: Form, context: EndpointContext) {
	const fields = checkNew(form);
	const { clock } = context;
	const start_time = serviceTime(form, 'start_time', false) ?? clock.format(clock.now());
	const duration = integer(form, 'duration', { min: 1 }) ?? INSTANT_DURATION;
	return book(form, context, { ...fields, type: '1', start_time, duration });
}

function personalMeeting(context: EndpointContext, id: string): PersonalMeeting {
	const meeting = context.store.personal.get(id);
	if (!meeting) throw notFound();
	return meeting;
}

/** The manual shows the numbers of this answer as strings; a deleted meeting is still described. */
export function personalGet(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'meeting_id']);
	const meeting = personalMeeting(context, requireText(form, 'meeting_id'));
	return {
		duration: String(meeting.duration),
		start_time: meeting.start_time,
		del_flag: meeting.deleted ? '1' : '0',
		password: meeting.password ?? '',
		join_url: meeting.join_url,
		topic: meeting.topic,
		id: meeting.id,
		status: String(meeting.status),
	};
}

/** Topic, start and duration are required on every update; only a meeting still to come changes. */
export function personalUpdate(form: Form, context: EndpointContext) {
	onlyKeys(form, UPDATE_KEYS);
	const topic = requireText(form, 'topic');
	const start = serviceTime(form, 'start_time', true)!;
	const duration = checkDuration(form, true)!;
	const { mute_upon_entry: mute } = flagsOf(form, ['mute_upon_entry']);
	const meeting = personalMeeting(context, requireText(form, 'id'));
	if (meeting.status !== 0) {
		throw new ContractViolation(
			`only a scheduled meeting can be updated: this one ${STATE_PHRASE[meeting.status]}`,
		);
	}
	Object.assign(meeting, {
		topic,
		start_time: start,
		start_instant: context.clock.parse(start).toUTC().toISO()!,
		duration,
		password: form.password ?? meeting.password,
	});
	if (mute !== undefined) meeting.flags.mute_upon_entry = mute;
}

/**
 * End (status 3) and delete (status 2) of a personal meeting, which has no occurrences. A meeting
 * once closed cannot be closed again, except that deleting an ended one removes its record
 * (del_flag 1) and keeps it ended; a deleted one is refused either way.
 */
function stop(status: 2 | 3) {
	return (form: Form, context: EndpointContext) => {
		onlyKeys(form, [...CREDENTIALS, 'id']);
		const meeting = personalMeeting(context, requireText(form, 'id'));
		if (meeting.deleted) throw new ContractViolation('meeting already deleted');
		const closed = meeting.status === 0 || meeting.status === 1 ? undefined : STATE_PHRASE[meeting.status];
		const removesRecord = status === 2 && meeting.status === 3;
		if (closed && !removesRecord) throw new ContractViolation(`meeting ${closed}`);
		meeting.deleted = status === 2;
		if (!removesRecord) meeting.status = status;
	};
}

export const personalEnd = stop(3);
export const personalDelete = stop(2);
