import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { presentMeeting, withoutHostSecrets } from '../meetings/answers';
import { presentRecording } from '../meetings/recordings';
import type { TimeZones } from '../helpers/time';
import { EVENT_ORDER, type TriggerEvent } from './events';
import type { Found } from './found';

/**
 * One output item per event: `event`, then the meeting as the UMeeting node shows it (ISO times in
 * the node's zone, time_zone, status_name), `inferred: true` for an event the trigger deduced
 * rather than saw, and for Recording Ready the files in `recordings` (with `later_part: true` when
 * files of the meeting were announced before). Host secrets only on request.
 */
export function eventItem(found: Found, zones: TimeZones, keepHostSecrets: boolean): INodeExecutionData {
	const shaped = presentMeeting({ meeting_id: found.meeting.id, ...found.meeting }, zones);
	const json: IDataObject = {
		event: found.event,
		...(keepHostSecrets ? shaped : withoutHostSecrets(shaped)),
	};
	if (found.inferred) json.inferred = true;
	if (found.recordings) json.recordings = found.recordings.map((file) => presentRecording(file, zones));
	if (found.laterPart) json.later_part = true;
	return { json };
}

/**
 * The selected events in output order: meetings by start (earliest first, then by number), and each
 * meeting's events in lifecycle order.
 */
export function selectAndOrder(found: Found[], events: Set<TriggerEvent>): Found[] {
	return found
		.map((entry, index) => ({ entry, index }))
		.filter(({ entry }) => events.has(entry.event))
		.sort(
			(a, b) =>
				(a.entry.start ?? Number.POSITIVE_INFINITY) - (b.entry.start ?? Number.POSITIVE_INFINITY) ||
				compareIds(a.entry.meeting.id, b.entry.meeting.id) ||
				EVENT_ORDER[a.entry.event] - EVENT_ORDER[b.entry.event] ||
				a.index - b.index,
		)
		.map(({ entry }) => entry);
}

function compareIds(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
