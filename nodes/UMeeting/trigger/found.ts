import type { RecordingFile } from '../meetings/recordings';
import type { TriggerEvent } from './events';
import type { MeetingRow } from './read';

/** One event a poll found, before it is shaped for output. */
export interface Found {
	event: TriggerEvent;
	/** The trigger deduced the event rather than saw the state it leads to. */
	inferred: boolean;
	meeting: MeetingRow;
	/** The meeting's start (ms), to order the output; null when unreadable. */
	start: number | null;
	/** Recording Ready: the files it announces. */
	recordings?: RecordingFile[];
	/** Recording Ready: files of this meeting were announced before; these came later. */
	laterPart?: boolean;
}
