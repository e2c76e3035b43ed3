import { createHash } from 'node:crypto';

import { DateTime } from 'luxon';

import type { ServiceClock } from './clock';
import type { MeetingStore, Occurrence, StoredMeeting } from './meetings';

/**
 * What a meeting leaves behind once it has been held: the service keeps one record per held
 * meeting (a single meeting, or one occurrence of a series), each with its own uuid, its
 * attendees and, for a meeting booked with cloud recording, its recorded files. The simulator
 * makes them when a meeting or an occurrence ends, deterministically from the meeting (same
 * meeting number and start, same people and files), inside the meeting's booked time span.
 */

/** One person's stay in a held meeting; join and leave are instants in UTC (ISO 8601). */
export interface Attendance {
	user_id: string;
	user_name: string;
	device: string;
	ip_address: string;
	city: string;
	country: string;
	network_type: string;
	version: string;
	share_desktop: boolean;
	join: string;
	leave: string;
}

/** One recorded file; start and end are instants in UTC (ISO 8601). */
export interface RecordingFile {
	id: string;
	file_type: 'MP4' | 'M4A';
	file_size: number;
	play_url: string;
	download_url: string;
	status: 'completed';
	start: string;
	end: string;
	/** From when cloud/recording lists this file, when later than its session's `ready`. */
	ready?: string;
}

/** A held meeting (the manual's 会议记录). */
export interface HeldSession {
	uuid: string;
	/** The service text of the booked start. */
	start_time: string;
	/** The booked span as instants in UTC (ISO 8601): start, and start plus duration. */
	start: string;
	end: string;
	duration: number;
	participants: Attendance[];
	recordings: RecordingFile[];
	/** From when cloud/recording lists the files (UTC ISO 8601); always when absent. See clockLifecycle.ts. */
	ready?: string;
}

const NAMES = [
	'王芳',
	'李强',
	'Anna Schmidt',
	'张伟',
	'Maria Garcia',
	'刘洋',
	'James Chen',
	'陈静',
	'Lena Novak',
	'赵磊',
	'Priya Nair',
	'孙丽',
];
const DEVICES = ['Windows', 'Mac', 'iOS', 'Android', 'H.323/SIP'];
const CITIES = ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen', 'Hangzhou', 'Chengdu'];
const NETWORKS = ['Wifi', '有线', '4G'];

/** The uuid of the record a single meeting leaves: the same for the same meeting number. */
export function recordUuid(meetingId: string): string {
	return `${digest(`record:${meetingId}`).toString('base64').slice(0, 22)}==`;
}

/**
 * Called once share/end has ended a meeting (by its number) or one occurrence (by its uuid):
 * stores the record of what was held. Ending a series by its number holds its next open occurrence.
 */
export function holdEnded(id: string, store: MeetingStore, clock: ServiceClock, publicUrl: string) {
	const meeting = store.get(id);
	if (meeting) {
		const next = meeting.occurrences?.find((o) => o.status === 0);
		addSession(meeting, next, clock, publicUrl);
		return;
	}
	const found = store.findOccurrence(id);
	if (found) addSession(found.meeting, found.occurrence, clock, publicUrl);
}

function addSession(
	meeting: StoredMeeting,
	occurrence: Occurrence | undefined,
	clock: ServiceClock,
	publicUrl: string,
) {
	const startTime = occurrence?.start_time ?? meeting.start_time;
	const start = clock.parse(startTime).toUTC();
	const session: HeldSession = {
		uuid: occurrence?.uuid ?? recordUuid(meeting.id),
		start_time: startTime,
		start: iso(start),
		end: iso(start.plus({ minutes: meeting.duration })),
		duration: meeting.duration,
		participants: [],
		recordings: [],
	};
	const seed = `${meeting.id}@${startTime}`;
	const random = generator(seed);
	const count = Math.min(meeting.meeting_capacity, 2 + Math.floor(random() * 4));
	session.participants = attendees(seed, session, count, meeting.host_name);
	if (meeting.recording === 'cloud') session.recordings = recordings(seed, session, publicUrl);
	meeting.sessions = [...(meeting.sessions ?? []), session];
}

/**
 * `count` attendees of a held meeting, each joining and leaving inside its span; the first is the
 * host. Exported so that tests can give a meeting more attendees than a page holds.
 */
export function attendees(
	seed: string,
	session: Pick<HeldSession, 'start' | 'duration'>,
	count: number,
	hostName?: string,
): Attendance[] {
	const random = generator(`attendees:${seed}`);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const start = DateTime.fromISO(session.start, { zone: 'utc' });
	const span = session.duration * 60;
	return Array.from({ length: count }, (_, index) => {
		const joinAt = Math.floor(random() * span * 0.4);
		const stay = 60 + Math.floor(random() * (span - joinAt - 60));
		const base = NAMES[index % NAMES.length];
		const name = index === 0 && hostName ? hostName : index < NAMES.length ? base : `${base} ${index}`;
		return {
			user_id: String(16_777_216 + 1024 * (1 + index)),
			user_name: name,
			device: pick(DEVICES),
			ip_address: `203.0.113.${1 + Math.floor(random() * 254)}`,
			city: pick(CITIES),
			country: 'CN',
			network_type: pick(NETWORKS),
			version: `4.3.${47_000 + Math.floor(random() * 900)}.0325`,
			share_desktop: index === 0,
			join: iso(start.plus({ seconds: joinAt })),
			leave: iso(start.plus({ seconds: joinAt + stay })),
		};
	});
}

/** A video and an audio file, recorded from shortly after the start to shortly before the end. */
function recordings(seed: string, session: HeldSession, publicUrl: string): RecordingFile[] {
	const random = generator(`recordings:${seed}`);
	const start = DateTime.fromISO(session.start, { zone: 'utc' }).plus({
		seconds: 30 + Math.floor(random() * 120),
	});
	const end = DateTime.fromISO(session.end, { zone: 'utc' }).minus({
		seconds: 30 + Math.floor(random() * 120),
	});
	const seconds = end.diff(start, 'seconds').seconds;
	return (['MP4', 'M4A'] as const).map((type, index) => {
		const key = digest(`file:${seed}:${index}`).toString('base64url');
		const hex = digest(`id:${seed}:${index}`).toString('hex');
		return {
			id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
			file_type: type,
			file_size: Math.round(seconds * (type === 'MP4' ? 24_000 + random() * 40_000 : 8_000)),
			play_url: `${publicUrl}/recording/play/${key}`,
			download_url: `${publicUrl}/recording/download/${key}`,
			status: 'completed',
			start: iso(start),
			end: iso(end),
		};
	});
}

/**
 * Splits a held meeting's recording in two parts, as when the host stops recording halfway and
 * starts again: each file becomes a first part that ends a minute before the middle and a second
 * part (new id, half the size) from the middle on, listed only from `laterReady` (UTC ISO 8601).
 */
export function recordInTwoParts(session: HeldSession, laterReady: string) {
	session.recordings = session.recordings.flatMap((file) => {
		const start = DateTime.fromISO(file.start, { zone: 'utc' });
		const middle = start.plus(DateTime.fromISO(file.end, { zone: 'utc' }).diff(start).toMillis() / 2);
		const hex = digest(`part2:${file.id}`).toString('hex');
		const half = Math.round(file.file_size / 2);
		return [
			{ ...file, end: iso(middle.minus({ minutes: 1 })), file_size: half },
			{
				...file,
				id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
				play_url: `${file.play_url}-2`,
				download_url: `${file.download_url}-2`,
				start: iso(middle),
				file_size: half,
				ready: laterReady,
			},
		];
	});
}

/** The held meeting with this uuid, and its meeting. */
export function findSession(
	store: MeetingStore,
	uuid: string,
): { meeting: StoredMeeting; session: HeldSession } | undefined {
	for (const meeting of store.all()) {
		const session = meeting.sessions?.find((s) => s.uuid === uuid);
		if (session) return { meeting, session };
	}
	return undefined;
}

/** Minutes an attendee stayed, rounded as the service's totals are. */
export function minutesOf(attendance: Attendance): number {
	return Math.round(
		DateTime.fromISO(attendance.leave).diff(DateTime.fromISO(attendance.join), 'minutes').minutes,
	);
}

/** An instant as the UTC text the manual shows for participants and recordings: 2020-02-13T09:28:41Z. */
export function utcText(instant: string): string {
	return DateTime.fromISO(instant, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

function iso(time: DateTime): string {
	return time.toUTC().toISO({ suppressMilliseconds: true })!;
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text).digest();
}

/** A small deterministic generator of numbers in [0, 1) (mulberry32) seeded by a text. */
export function generator(seed: string): () => number {
	let state = digest(seed).readUInt32LE(0);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}
