import { type Form, integer, maxBytes, oneOf, onlyKeys, requireText } from '../formRules';
import { CREDENTIALS, type EndpointContext } from './context';
import { addMeeting, liveFields, type MeetingSpec } from './newMeeting';
import { checkDuration, flagsOf, RECORDING } from './schedule';

const INSTANT_FLAGS = [
	'option_jbh',
	'mute_upon_entry',
	'use_pmi',
	'option_host_video',
	'option_participants_video',
	'allow_live_streaming',
	'waiting_room',
];

const INSTANT_KEYS = [
	...CREDENTIALS,
	'topic',
	'meeting_capacity',
	'user_key',
	'duration',
	'recording',
	'host_name',
	...INSTANT_FLAGS,
];

/** The manual makes duration optional here without naming a default: the simulator assumes an hour. */
export const INSTANT_DURATION = 60;

export function instant(form: Form, context: EndpointContext) {
	onlyKeys(form, INSTANT_KEYS);
	const topic = requireText(form, 'topic');
	const capacity = integer(form, 'meeting_capacity', { min: 1, required: true })!;
	maxBytes(form, 'user_key', 200);
	const duration = checkDuration(form, false) ?? INSTANT_DURATION;
	const flags = flagsOf(form, INSTANT_FLAGS);
	const recording = oneOf(form, 'recording', RECORDING);
	const start = context.clock.format(context.clock.now());
	const spec: MeetingSpec = { type: '1', status: 1, topic, start, duration, capacity, recording, flags };
	return addMeeting(context, form, spec, (meeting) => ({
		host_key: meeting.host_key,
		join_url: meeting.join_url,
		meeting_id: meeting.id,
		start_time: meeting.start_time,
		host_id: meeting.host_id,
		token: meeting.token,
		start_url: meeting.start_url,
		...liveFields(meeting, true),
	}));
}
