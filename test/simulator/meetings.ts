import { randomBytes } from 'node:crypto';

/** What the simulator keeps of a meeting it created. */
export interface StoredMeeting {
	id: string;
	topic: string;
	start_time: string;
	duration: number;
	status: 0 | 1 | 2 | 3;
	type: '1' | '2';
	host_key: string;
	user_key?: string;
	form: Record<string, string>;
	data: Record<string, unknown>;
}

export class MeetingStore {
	private readonly meetings = new Map<string, StoredMeeting>();

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

	all(): StoredMeeting[] {
		return [...this.meetings.values()];
	}

	reset() {
		this.meetings.clear();
		this.created = 0;
	}
}

export function token(bytes: number): string {
	return randomBytes(bytes).toString('base64url');
}

export function digits(count: number): string {
	return Array.from(randomBytes(count), (b) => String(b % 10)).join('');
}
