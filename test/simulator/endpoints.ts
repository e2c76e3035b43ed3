import {
	ContractViolation,
	type Form,
	flag,
	integer,
	onlyKeys,
	requireText,
	serviceTime,
	utf8Bytes,
} from './formRules';
import { digits, type MeetingStore, token } from './meetings';
import { occurrences, type Recurrence } from './recurrence';

export interface EndpointContext {
	store: MeetingStore;
	publicUrl: string;
}

export type Endpoint = (form: Form, context: EndpointContext) => unknown;

const CREDENTIALS = ['api_key', 'api_secret'];

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
	'recurrence_type',
	'daily_type',
	'weekly_days',
	'monthly_week',
	'monthly_week_day',
	'monthly_day',
	'end_times',
	'end_date_time',
];

const NOT_FOR_WEBINAR = [
	'mute_upon_entry',
	'option_host_video',
	'option_participants_video',
	'allow_live_streaming',
	'waiting_room',
];

const RECURRENCE_FIELDS: Record<string, string[]> = {
	'1': ['daily_type'],
	'2': ['weekly_days'],
	'3': ['monthly_day', 'monthly_week', 'monthly_week_day'],
};

/** Most occurrences the simulator lists for one series. */
export const OCCURRENCE_CAP = 200;

/** What a schedule request means once every documented rule is checked. */
export interface ScheduleRequest {
	topic: string;
	start: string;
	duration: number;
	flags: Record<string, boolean | undefined>;
	recurrence?: Recurrence;
}

/** Checks a schedule form body against the manual; throws ContractViolation on the first breach. */
export function checkSchedule(form: Form): ScheduleRequest {
	onlyKeys(form, SCHEDULE_KEYS);
	const topic = requireText(form, 'topic');
	integer(form, 'meeting_capacity', { min: 1, required: true });
	const start = serviceTime(form, 'start_time', true)!;
	const duration = integer(form, 'duration', { required: true })!;
	if (duration <= 30) throw new ContractViolation(`duration must be greater than 30, got ${duration}`);
	if (form.user_key !== undefined && utf8Bytes(form.user_key) > 200) {
		throw new ContractViolation(`user_key is longer than 200 bytes (${utf8Bytes(form.user_key)})`);
	}
	const flags = Object.fromEntries(
		['mute_upon_entry', 'use_pmi', 'option_host_video', 'option_participants_video', 'allow_live_streaming', 'waiting_room', 'enable_webinar'].map(
			(key) => [key, flag(form, key)],
		),
	);
	if (form.recording !== undefined && !['cloud', 'none'].includes(form.recording)) {
		throw new ContractViolation(`recording must be "cloud" or "none", got "${form.recording}"`);
	}
	if (flags.enable_webinar) {
		const unsupported = NOT_FOR_WEBINAR.filter((key) => flags[key] === true);
		if (unsupported.length) throw new ContractViolation(`webinars do not support ${unsupported.join(', ')}`);
	}
	return { topic, start, duration, flags, recurrence: parseRecurrence(form, start) };
}

function schedule(form: Form, { store, publicUrl }: EndpointContext) {
	const { topic, start, duration, flags, recurrence } = checkSchedule(form);

	const id = store.newId();
	const data: Record<string, unknown> = {
		host_key: digits(6),
		join_url: `${publicUrl}/j/${id}`,
		meeting_id: id,
		start_time: start,
		host_id: token(16),
		token: token(24),
		mute_upon_entry: form.mute_upon_entry ?? 'false',
		ready_time: 15,
		start_url: `${publicUrl}/s/${id}?zak=${token(48)}`,
	};
	if (flags.allow_live_streaming) {
		const liveId = digits(8);
		Object.assign(data, {
			play_addr: `${publicUrl}/live/${liveId}/live.m3u8`,
			watch_url: `${publicUrl}/live/tvchat-${liveId}`,
			live_id: liveId,
		});
	}
	if (recurrence) {
		data.occurrences = occurrences(start, recurrence, OCCURRENCE_CAP).map((startTime) => ({
			start_time: startTime,
			uuid: `${token(16).toLowerCase()}==`,
		}));
	}
	store.add({
		id,
		topic,
		start_time: start,
		duration,
		status: 0,
		type: '2',
		host_key: data.host_key as string,
		user_key: form.user_key,
		form,
		data,
	});
	return data;
}

function parseRecurrence(form: Form, start: string): Recurrence | undefined {
	const type = form.recurrence_type;
	const present = Object.values(RECURRENCE_FIELDS)
		.flat()
		.concat('end_times', 'end_date_time')
		.filter((key) => form[key] !== undefined);
	if (type === undefined || type === '') {
		if (present.length) throw new ContractViolation(`${present.join(', ')} given without recurrence_type`);
		return undefined;
	}
	if (!RECURRENCE_FIELDS[type]) throw new ContractViolation(`recurrence_type must be 1, 2 or 3, got "${type}"`);
	const foreign = present.filter(
		(key) => !RECURRENCE_FIELDS[type].includes(key) && key !== 'end_times' && key !== 'end_date_time',
	);
	if (foreign.length) throw new ContractViolation(`${foreign.join(', ')} do not apply to recurrence_type ${type}`);

	const rule: Recurrence = { type: Number(type) as 1 | 2 | 3 };
	if (type === '1') rule.dailyType = integer(form, 'daily_type', { min: 1, max: 2 });
	if (type === '2') {
		const days = form.weekly_days;
		if (days === undefined || !/^[1-7](,[1-7])*$/.test(days)) {
			throw new ContractViolation(`weekly_days must list weekdays 1-7 separated by commas, got "${days}"`);
		}
		rule.weeklyDays = days.split(',').map(Number);
	}
	if (type === '3') {
		rule.monthlyDay = integer(form, 'monthly_day', { min: 1, max: 31 });
		rule.monthlyWeek = integer(form, 'monthly_week', { min: 1, max: 5 });
		rule.monthlyWeekDay = integer(form, 'monthly_week_day', { min: 1, max: 7 });
		const byWeek = rule.monthlyWeek !== undefined && rule.monthlyWeekDay !== undefined;
		if (rule.monthlyDay === undefined && !byWeek) {
			throw new ContractViolation('monthly recurrence needs monthly_day, or monthly_week with monthly_week_day');
		}
		if (rule.monthlyDay === undefined && (rule.monthlyWeek === undefined) !== (rule.monthlyWeekDay === undefined)) {
			throw new ContractViolation('monthly_week and monthly_week_day go together');
		}
	}
	rule.endTimes = integer(form, 'end_times', { min: 1 });
	rule.endDateTime = serviceTime(form, 'end_date_time', false);
	if (rule.endTimes === undefined && rule.endDateTime === undefined) {
		throw new ContractViolation('a recurring meeting needs end_times or end_date_time');
	}
	if (rule.endDateTime !== undefined && rule.endDateTime <= start) {
		throw new ContractViolation('end_date_time must be after start_time');
	}
	return rule;
}

function list(form: Form, { store }: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'user_key', 'page_size', 'page_number']);
	const pageSize = integer(form, 'page_size', { min: 1 }) ?? 30;
	const pageNumber = integer(form, 'page_number', { min: 1 }) ?? 1;
	const live = store
		.all()
		.filter((m) => m.status === 0 || m.status === 1)
		.filter((m) => form.user_key === undefined || m.user_key === form.user_key);
	const totalPage = Math.max(1, Math.ceil(live.length / pageSize));
	const page = live.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
	return {
		page_num: pageNumber,
		page_size: pageSize,
		total_record: live.length,
		total_page: totalPage,
		has_previous_page: pageNumber > 1,
		has_next_page: pageNumber < totalPage,
		meetings: page.map((m) => ({
			duration: m.duration,
			start_time: m.start_time,
			topic: m.topic,
			join_url: m.data.join_url,
			id: m.id,
			status: m.status,
			host_key: m.host_key,
			type: m.type,
		})),
	};
}

export const ENDPOINTS: Record<string, Endpoint> = {
	'/umeeting/share/schedule': schedule,
	'/umeeting/share/list': list,
};
