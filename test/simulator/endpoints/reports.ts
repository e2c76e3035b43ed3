import { createHash } from 'node:crypto';

import { DateTime } from 'luxon';

import type { ServiceClock } from '../clock';
import { type Form, flag, integer, oneOf, onlyKeys, optionalText } from '../formRules';
import type { StoredMeeting } from '../meetings';
import { ContractViolation } from '../refusals';
import { CREDENTIALS, type EndpointContext } from './context';

/**
 * The statistics endpoints (share/detail, share/summary, share/hisMeeting, metrics/meetings),
 * answered from the meetings the store holds. A meeting counts once it has been held: each record
 * the participant work keeps on a meeting (`sessions`, one per held meeting or occurrence, with its
 * attendees) when there are any, else every ended meeting (status 3) as held from its start for
 * its duration, without attendees. Cancelled meetings were never held and count nowhere; running
 * ones (status 1) appear only in metrics/meetings with type=live.
 *
 * `from` and `to` are days of the service's zone (`yyyy-MM-dd`, both included); a meeting belongs
 * to the day its start falls on. A period longer than one month is cut to its last month, as the
 * manual says the service does; `from` after `to` is refused.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_FORMAT = 'yyyy-MM-dd';
const SERVICE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** One attendee of a held meeting, as the statistics need them. */
interface Attendee {
	name: string;
	join: DateTime;
	leave: DateTime;
	sharedScreen: boolean;
}

/** A held meeting (the manual's 会议记录): one per single meeting, one per occurrence of a series. */
export interface HeldRecord {
	meeting: StoredMeeting;
	uuid: string;
	start: DateTime;
	/** Undefined while the meeting runs. */
	end?: DateTime;
	attendees: Attendee[];
}

/** Every held meeting in the store. */
export function heldRecords(meetings: StoredMeeting[], clock: ServiceClock): HeldRecord[] {
	return meetings.flatMap((meeting) => {
		const sessions = sessionsOf(meeting, clock);
		if (sessions) return sessions;
		if (meeting.status !== 3) return [];
		const start = clock.parse(meeting.start_time);
		return [
			{
				meeting,
				uuid: fallbackUuid(meeting.id),
				start,
				end: start.plus({ minutes: meeting.duration }),
				attendees: [],
			},
		];
	});
}

/**
 * The held-meeting records a meeting carries, read by shape so that the statistics work whether
 * or not the store keeps them: undefined when it keeps none.
 */
function sessionsOf(meeting: StoredMeeting, clock: ServiceClock): HeldRecord[] | undefined {
	const sessions = (meeting as { sessions?: unknown }).sessions;
	if (!Array.isArray(sessions) || sessions.length === 0) return undefined;
	return sessions.flatMap((session: Record<string, unknown>) => {
		const start = instant(session.start, clock) ?? instant(session.start_time, clock);
		if (!start) return [];
		const end =
			instant(session.end, clock) ??
			start.plus({ minutes: Number(session.duration ?? meeting.duration) || meeting.duration });
		const people = Array.isArray(session.participants) ? session.participants : [];
		const attendees = people.flatMap((person: Record<string, unknown>) => {
			const join = instant(person.join ?? person.join_time, clock);
			const leave = instant(person.leave ?? person.leave_time, clock);
			if (!join || !leave) return [];
			const name = String(person.user_name ?? person.name ?? '');
			return [{ name, join, leave, sharedScreen: person.share_desktop === true }];
		});
		const uuid = typeof session.uuid === 'string' ? session.uuid : fallbackUuid(meeting.id);
		return [{ meeting, uuid, start, end, attendees }];
	});
}

/** An instant from an ISO text with a zone, or from a service text. */
function instant(value: unknown, clock: ServiceClock): DateTime | undefined {
	if (typeof value !== 'string') return undefined;
	const withZone = DateTime.fromISO(value, { setZone: true });
	if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value) && withZone.isValid) return withZone;
	const text = clock.parse(value);
	return text.isValid ? text : undefined;
}

/** The record uuid of an ended meeting without records: 22 base64 characters and "==", like the manual's. */
function fallbackUuid(meetingId: string): string {
	return createHash('md5').update(`held:${meetingId}`).digest('base64');
}

/** A `yyyy-MM-dd` day of the service's zone, as the instant it starts. */
function serviceDate(form: Form, key: string, clock: ServiceClock, required: boolean): DateTime | undefined {
	const value = form[key];
	if (value === undefined) {
		if (required) throw new ContractViolation(`${key} is required`);
		return undefined;
	}
	if (!DATE.test(value)) throw new ContractViolation(`${key} must look like 2018-01-01, got "${value}"`);
	const day = DateTime.fromFormat(value, DATE_FORMAT, { zone: clock.zone });
	if (!day.isValid) throw new ContractViolation(`${key} is not a real date: "${value}"`);
	return day;
}

interface Period {
	from: DateTime;
	/** The last day, included. */
	to: DateTime;
}

/** The days asked for; either defaults to the service's current day when optional. */
function periodOf(form: Form, clock: ServiceClock, required: boolean): Period {
	const today = clock.now().startOf('day');
	let from = serviceDate(form, 'from', clock, required) ?? today;
	const to = serviceDate(form, 'to', clock, required) ?? today;
	if (from > to) throw new ContractViolation('from must not be after to');
	if (to > from.plus({ months: 1 })) from = to.minus({ months: 1 });
	return { from, to };
}

function inPeriod(start: DateTime, { from, to }: Period): boolean {
	return start >= from && start < to.plus({ days: 1 });
}

/** Earliest first; the meeting number decides between records starting together. */
function byStart(a: HeldRecord, b: HeldRecord): number {
	return a.start.toMillis() - b.start.toMillis() || Number(a.meeting.id) - Number(b.meeting.id);
}

function recordsIn(context: EndpointContext, period: Period, hostId?: string): HeldRecord[] {
	return heldRecords(context.store.all(), context.clock)
		.filter((record) => inPeriod(record.start, period))
		.filter((record) => hostId === undefined || record.meeting.host_id === hostId)
		.sort(byStart);
}

/** One page of rows, with the paging fields share/detail and share/summary answer. */
function page<T>(form: Form, rows: T[]) {
	const pageSize = integer(form, 'page_size', { min: 1 }) ?? 30;
	const pageNumber = integer(form, 'page_number', { min: 1 }) ?? 1;
	const totalPage = Math.max(1, Math.ceil(rows.length / pageSize));
	return {
		fields: {
			total_record: rows.length,
			total_page: totalPage,
			page_number: pageNumber,
			page_size: pageSize,
			has_previous_page: pageNumber > 1,
			has_next_page: pageNumber < totalPage,
		},
		rows: rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
	};
}

const text = (time: DateTime, clock: ServiceClock) => time.setZone(clock.zone).toFormat(SERVICE_FORMAT);

/** Whole minutes a record lasted, a started minute counting as one (as the history's examples do). */
function minutesHeld(record: HeldRecord, now: DateTime): number {
	const end = record.end ?? now;
	return Math.max(0, Math.ceil(end.diff(record.start, 'seconds').seconds / 60));
}

const periodKeys = ['from', 'to'];

export function detail(form: Form, context: EndpointContext) {
	onlyKeys(form, [
		...CREDENTIALS,
		...periodKeys,
		'host_id',
		'show_participants',
		'show_telephony_usage',
		'page_size',
		'page_number',
	]);
	const { clock } = context;
	const period = periodOf(form, clock, false);
	const hostId = optionalText(form, 'host_id');
	const showParticipants = flag(form, 'show_participants') ?? false;
	const showPhones = flag(form, 'show_telephony_usage') ?? false;
	const { fields, rows } = page(form, recordsIn(context, period, hostId));
	return {
		from: period.from.toFormat(DATE_FORMAT),
		to: period.to.toFormat(DATE_FORMAT),
		...fields,
		meetings: rows.map((record) => ({
			uuid: record.uuid,
			host_id: record.meeting.host_id,
			meeting_id: record.meeting.id,
			topic: record.meeting.topic,
			start_time: text(record.start, clock),
			duration: record.meeting.duration,
			end_time: text(record.end ?? clock.now(), clock),
			is_extra: 0,
			...(showParticipants
				? {
						participants: record.attendees.map((person) => ({
							name: person.name,
							join_time: text(person.join, clock),
							leave_time: text(person.leave, clock),
						})),
					}
				: {}),
			// The simulator has no dial-in: every meeting's phone list is empty.
			...(showPhones ? { telephony_usage: [] } : {}),
		})),
	};
}

export function summary(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, ...periodKeys, 'host_id', 'page_size', 'page_number']);
	const { clock } = context;
	const period = periodOf(form, clock, false);
	const hostId = optionalText(form, 'host_id');
	const now = clock.now();
	const rooms = new Map<string, { meetings: number; participants: number; meeting_minutes: number }>();
	for (const record of recordsIn(context, period, hostId)) {
		const room = rooms.get(record.meeting.host_id) ?? { meetings: 0, participants: 0, meeting_minutes: 0 };
		room.meetings += 1;
		room.participants += record.attendees.length;
		room.meeting_minutes += minutesHeld(record, now);
		rooms.set(record.meeting.host_id, room);
	}
	const lines = [...rooms.entries()]
		.map(([host_id, totals]) => ({
			host_id,
			is_extra: 0,
			...totals,
			audio_participants: 0,
			audio_total_duration: 0,
			total_fee: 0,
		}))
		.sort((a, b) => b.meetings - a.meetings || (a.host_id < b.host_id ? -1 : 1));
	const sum = (key: 'meetings' | 'participants' | 'meeting_minutes') =>
		lines.reduce((total, line) => total + line[key], 0);
	const { fields, rows } = page(form, lines);
	return {
		from: period.from.toFormat(DATE_FORMAT),
		to: period.to.toFormat(DATE_FORMAT),
		...fields,
		total_meetings: sum('meetings'),
		total_participants: sum('participants'),
		total_meeting_minutes: sum('meeting_minutes'),
		rooms: rows,
	};
}

function hostOf(meeting: StoredMeeting) {
	return {
		host: meeting.host_name ?? '公共会议室',
		email: `room-${meeting.host_id.slice(0, 8).toLowerCase()}@rooms.umeeting.example`,
	};
}

function usedVideo(meeting: StoredMeeting): boolean {
	return meeting.flags.option_host_video === true || meeting.flags.option_participants_video === true;
}

export function hisMeeting(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, ...periodKeys]);
	const { clock } = context;
	const period = periodOf(form, clock, true);
	const now = clock.now();
	return recordsIn(context, period).map((record) => ({
		uuid: record.uuid,
		id: Number(record.meeting.id),
		...hostOf(record.meeting),
		user_type: 'Corp',
		start_time: text(record.start, clock),
		end_time: text(record.end ?? now, clock),
		duration: minutesHeld(record, now),
		participants: record.attendees.length,
		has_pstn: false,
		has_voip: record.attendees.length > 0,
		has_3rd_party_audio: false,
		has_video: usedVideo(record.meeting),
		has_screen_share: record.attendees.some((person) => person.sharedScreen),
		recording: record.meeting.recording === 'cloud' ? 1 : 0,
		meeting_capacity: record.meeting.meeting_capacity,
	}));
}

const utc = (time: DateTime) => time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");

/** A length as metrics/meetings writes it: "03:55:08", or "01:25" under an hour. */
export function clockText(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	const [hours, minutes, rest] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
	const two = (n: number) => String(n).padStart(2, '0');
	return hours > 0 ? `${two(hours)}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`;
}

export function metricsMeetings(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, ...periodKeys, 'type']);
	const { clock } = context;
	const period = periodOf(form, clock, true);
	const type = oneOf(form, 'type', ['live', 'past'] as const) ?? 'live';
	const now = clock.now();
	const records =
		type === 'past'
			? recordsIn(context, period)
			: context.store
					.all()
					.filter((meeting) => meeting.status === 1)
					.map(
						(meeting): HeldRecord => ({
							meeting,
							uuid: fallbackUuid(meeting.id),
							start: clock.parse(meeting.start_time),
							attendees: [],
						}),
					)
					.filter((record) => inPeriod(record.start, period))
					.sort(byStart);
	return records.map((record) => ({
		uuid: record.uuid,
		id: Number(record.meeting.id),
		topic: record.meeting.topic,
		...hostOf(record.meeting),
		user_type: '企业用户',
		start_time: utc(record.start),
		...(record.end ? { end_time: utc(record.end) } : {}),
		duration: clockText((record.end ?? now).diff(record.start, 'seconds').seconds),
		participants: record.attendees.length,
		has_pstn: false,
		has_voip: record.attendees.length > 0,
		has_3rd_party_audio: false,
		has_video: usedVideo(record.meeting),
		has_screen_share: record.attendees.some((person) => person.sharedScreen),
		has_recording: record.meeting.recording === 'cloud',
		has_sip: false,
	}));
}
