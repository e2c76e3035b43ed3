import { randomBytes } from 'node:crypto';

import type { PersonalMeeting } from './endpoints/personal';
import type { Recurrence } from './recurrence';
import type { HeldSession } from './sessions';

/** 0 scheduled, 1 in progress, 2 cancelled, 3 ended: the manual's meeting states. */
export type MeetingStatus = 0 | 1 | 2 | 3;

/** One meeting of a series; the service addresses it by its uuid. */
export interface Occurrence {
	start_time: string;
	uuid: string;
	status: 0 | 2 | 3;
}

export interface LiveStream {
	live_id: string;
	play_addr: string;
	watch_url: string;
}

/** What the simulator keeps of a meeting it created. */
export interface StoredMeeting {
	id: string;
	topic: string;
	start_time: string;
	/** The instant start_time stands for in the service's zone, as ISO 8601 in UTC. */
	start_instant: string;
	duration: number;
	status: MeetingStatus;
	/** Set by delete; a deleted meeting that had ended keeps status 3. */
	deleted?: boolean;
	/** '1' instant, '2' scheduled. */
	type: '1' | '2';
	meeting_capacity: number;
	password?: string;
	host_key: string;
	host_id: string;
	token: string;
	join_url: string;
	start_url: string;
	user_key?: string;
	host_name?: string;
	recording?: 'cloud' | 'none';
	/** The true/false options as last sent; undefined where never given. */
	flags: Record<string, boolean | undefined>;
	/** Kept once created, so turning streaming off and on again gives the same addresses. */
	live?: LiveStream;
	recurrence?: Recurrence;
	occurrences?: Occurrence[];
	/** The form that created the meeting. */
	form: Record<string, string>;
	/** The data answered when the meeting was created. */
	data: Record<string, unknown>;
	/** What the meeting held once it (or an occurrence) ended: attendees and recordings; see sessions.ts. */
	sessions?: HeldSession[];
}

/** The account's license as `licensing` answers it: payType 1 rooms, 2 concurrent participants, 3 time used. */
export interface License {
	payType: string;
	/** A service time text, or null for a license without an end. */
	expire_date: string | null;
	/** How many rooms the account has of each meeting capacity, keyed by the capacity as text. */
	capacity: Record<string, number>;
}

/** The license a simulator starts with (and gets back on reset): rooms billed by capacity, no end. */
export function defaultLicense(): License {
	return { payType: '1', expire_date: null, capacity: { '10': 3, '50': 2, '100': 1 } };
}

export class MeetingStore {
	private readonly meetings = new Map<string, StoredMeeting>();

	/** Meetings of personal accounts (private/*), apart from the public rooms' ones: share/* never sees them. */
	readonly personal = new Map<string, PersonalMeeting>();

	/** hostIds of the personal accounts linked to the API key; private/* books only for these. */
	accounts = new Set([PERSONAL_HOST_ID]);

	/** The rooms share/rooms and share/freeRooms know of come from here; tests may replace it. */
	license: License = defaultLicense();

	private nextId = 1_770_000_000;

	/** Meetings created since the last reset, whatever happened to their answer afterwards. */
	created = 0;

	newId(): string {
		this.nextId += 7 + (this.created % 13);
		return String(this.nextId);
	}

	add(meeting: StoredMeeting) {
		this.meetings.set(meeting.id, meeting);
		this.created++;
	}

	get(id: string) {
		return this.meetings.get(id);
	}

	/** The series holding the occurrence with this uuid, if any. */
	findOccurrence(uuid: string): { meeting: StoredMeeting; occurrence: Occurrence } | undefined {
		for (const meeting of this.meetings.values()) {
			const occurrence = meeting.occurrences?.find((o) => o.uuid === uuid);
			if (occurrence) return { meeting, occurrence };
		}
		return undefined;
	}

	all(): StoredMeeting[] {
		return [...this.meetings.values()];
	}

	reset() {
		this.meetings.clear();
		this.created = 0;
		this.license = defaultLicense();
		this.personal.clear();
		this.accounts = new Set([PERSONAL_HOST_ID]);
	}
}

export function token(bytes: number): string {
	return randomBytes(bytes).toString('base64url');
}

export function digits(count: number): string {
	return Array.from(randomBytes(count), (b) => String(b % 10)).join('');
}

/** Minutes before the start from which the host may open the meeting: the schedule answer's ready_time. */
export const READY_MINUTES = 15;

/** The personal account every simulator knows (tests may add others to MeetingStore.accounts). */
export const PERSONAL_HOST_ID = '8Eki6-0R7eVsdg-mH4y7A';
