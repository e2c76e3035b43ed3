import { DateTime } from 'luxon';

import type { ServiceClock } from '../clock';
import { type Form, integer, oneOf, onlyKeys, requireText } from '../formRules';
import type { StoredMeeting } from '../meetings';
import { ContractViolation, notFound, ServiceRefusal } from '../refusals';
import { type Attendance, findSession, type HeldSession, minutesOf, recordUuid, utcText } from '../sessions';
import { CREDENTIALS, type EndpointContext, findMeeting } from './context';

/** Page size of share/meetingdetail when none is asked for. */
export const DETAIL_PAGE_SIZE = 30;

export const NOT_HOST = 'host_id is not the host of this meeting';
export const NOT_LIVE = 'the meeting is not in progress';
export const NOT_HELD = 'the meeting has no record yet: it has not ended';
export const UUID_ALONE = 'uuid cannot be combined with meeting_id, type, page_size or page_number';

/** A UTC instant as the service's zoneless text. */
function serviceText(clock: ServiceClock, instant: string): string {
	return clock.format(DateTime.fromISO(instant, { zone: 'utc' }));
}

function byJoin(a: Attendance, b: Attendance) {
	return a.join < b.join ? -1 : a.join > b.join ? 1 : 0;
}

/**
 * share/meeting/{meetingId}/participants: everyone who attended the meeting's held sessions, with
 * the meeting's totals; join and leave times as service texts, as the manual's example shows them.
 * Until the meeting (or an occurrence) has ended, nobody has attended.
 */
export function meetingParticipants(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'topic', 'host_id']);
	requireText(form, 'topic');
	const hostId = requireText(form, 'host_id');
	const meeting = findMeeting(context, context.pathParams.meetingId);
	if (hostId !== meeting.host_id) throw new ServiceRefusal(403, NOT_HOST);
	const { clock } = context;
	const people = (meeting.sessions ?? []).flatMap((session) => session.participants).sort(byJoin);
	return {
		duration: String(meeting.duration),
		start_time: meeting.start_time,
		total_minutes: people.reduce((sum, person) => sum + minutesOf(person), 0),
		total_participants: people.length,
		topic: meeting.topic,
		id: meeting.id,
		participants_list: people.map((person) => ({
			user_id: person.user_id,
			user_name: person.user_name,
			device: person.device,
			ip_address: person.ip_address,
			location: `${person.city} (${person.country})`,
			network_type: person.network_type,
			join_time: serviceText(clock, person.join),
			leave_time: serviceText(clock, person.leave),
			share_application: false,
			share_desktop: person.share_desktop,
			share_whiteboard: false,
			recording: false,
			pc_name: '',
			domain: '',
			mac_addr: '',
			harddisk_id: '',
			version: person.version,
			leave_reason: '',
		})),
	};
}

/**
 * share/participants: the attendees of one held meeting (a single meeting, or one occurrence of a
 * series), asked by the uuid of its record, as the history list gives it. Times are UTC texts, as
 * the manual's example shows them. The service answers the whole list at once: no paging. A uuid
 * the service holds no record of (unknown, or of a meeting not yet ended) is not found.
 */
export function sessionParticipants(form: Form, { store }: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'uuid']);
	const found = findSession(store, requireText(form, 'uuid'));
	if (!found) throw notFound();
	return [...found.session.participants].sort(byJoin).map((person) => ({
		id: '',
		user_id: person.user_id,
		user_name: person.user_name,
		device: person.device,
		ip_address: person.ip_address,
		cn: person.country,
		city: person.city,
		network_type: person.network_type,
		join_time: utcText(person.join),
		leave_time: utcText(person.leave),
		share_application: false,
		share_desktop: person.share_desktop,
		share_whiteboard: false,
		recording: false,
	}));
}

/**
 * share/meetingdetail, documented twice: with meeting_id and type (1 live, 2 ended) it answers one
 * report whose attendees come in pages and whose times are UTC (the monitoring page); with uuid
 * (one or more held meetings, comma separated) it answers a list of reports with service texts
 * (the statistics page). The two ways are not mixed.
 */
export function meetingDetail(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'meeting_id', 'type', 'page_size', 'page_number', 'uuid']);
	if (form.uuid !== undefined) {
		const mixed = ['meeting_id', 'type', 'page_size', 'page_number'].some((key) => key in form);
		if (mixed) throw new ContractViolation(UUID_ALONE);
		return reportsByUuid(requireText(form, 'uuid'), context);
	}
	const meetingId = requireText(form, 'meeting_id');
	requireText(form, 'type');
	const type = oneOf(form, 'type', ['1', '2'] as const);
	const pageSize = integer(form, 'page_size', { min: 1 }) ?? DETAIL_PAGE_SIZE;
	const pageNumber = integer(form, 'page_number', { min: 1 }) ?? 1;
	const meeting = findMeeting(context, meetingId);
	if (type === '1') {
		if (meeting.status !== 1) throw new ServiceRefusal(404, NOT_LIVE);
		const start = context.clock.parse(meeting.start_time).toUTC();
		const live: HeldSession = {
			uuid: recordUuid(meeting.id),
			start_time: meeting.start_time,
			start: start.toISO()!,
			end: '',
			duration: meeting.duration,
			participants: [],
			recordings: [],
		};
		return pagedReport(meeting, live, true, pageSize, pageNumber);
	}
	const held = [...(meeting.sessions ?? [])].sort((a, b) => (a.start < b.start ? 1 : -1))[0];
	if (!held) throw new ServiceRefusal(404, NOT_HELD);
	return pagedReport(meeting, held, false, pageSize, pageNumber);
}

function pagedReport(
	meeting: StoredMeeting,
	session: HeldSession,
	live: boolean,
	pageSize: number,
	pageNumber: number,
) {
	const people = [...session.participants].sort(byJoin);
	return {
		uuid: session.uuid,
		id: Number(meeting.id),
		type: live ? 'Live Meeting' : 'Past Meeting',
		host: hostOf(meeting),
		email: emailOf(meeting),
		user_type: 'Corp',
		start_time: utcText(session.start),
		end_time: live ? '' : utcText(session.end),
		duration: live ? null : session.duration,
		has_pstn: false,
		has_voip: true,
		has_3rd_party_audio: false,
		has_video: meeting.flags.option_host_video === true || meeting.flags.option_participants_video === true,
		has_screen_share: people.some((person) => person.share_desktop),
		recording: session.recordings.length ? 1 : 0,
		participants_count: people.length,
		page_count: Math.max(1, Math.ceil(people.length / pageSize)),
		page_number: pageNumber,
		page_size: pageSize,
		participants: people.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((person) => ({
			id: '',
			user_id: person.user_id,
			user_name: person.user_name,
			device: person.device,
			ip_address: person.ip_address,
			cn: person.country,
			city: person.city,
			network_type: person.network_type,
			join_time: utcText(person.join),
			leave_time: utcText(person.leave),
		})),
	};
}

function reportsByUuid(list: string, { store, clock }: EndpointContext) {
	const uuids = list
		.split(/[,，]/)
		.map((uuid) => uuid.trim())
		.filter((uuid) => uuid !== '');
	return uuids.map((uuid) => {
		const found = findSession(store, uuid);
		if (!found) throw notFound();
		const { meeting, session } = found;
		const people = [...session.participants].sort(byJoin);
		return {
			duration: String(session.duration),
			start_time: session.start_time,
			participants_count: people.length,
			total_participants_deration: people.reduce((sum, person) => sum + minutesOf(person), 0),
			host: hostOf(meeting),
			end_time: serviceText(clock, session.end),
			id: meeting.id,
			uuid: session.uuid,
			email: emailOf(meeting),
			participants: people.map((person) => ({
				leave_time: serviceText(clock, person.leave),
				meeting_id: Number(meeting.id),
				name: person.user_name,
				meeting_uuid: session.uuid,
				join_time: serviceText(clock, person.join),
			})),
		};
	});
}

/** The manual's reports name the public room the meeting ran in. */
function hostOf(meeting: StoredMeeting): string {
	return meeting.host_name ?? `Room ${meeting.meeting_capacity}`;
}

function emailOf(meeting: StoredMeeting): string {
	return `room${meeting.meeting_capacity}@umeeting.example`;
}
