/** The trigger's events by their parameter value (also the `event` field of each output item). */
export const EVENT_NAMES = {
	meetingScheduled: 'Meeting Scheduled',
	meetingStarted: 'Meeting Started',
	meetingEnded: 'Meeting Ended',
	meetingCancelled: 'Meeting Cancelled',
	recordingReady: 'Recording Ready',
} as const;

export type TriggerEvent = keyof typeof EVENT_NAMES;

export const TRIGGER_EVENTS = Object.keys(EVENT_NAMES) as TriggerEvent[];

/** UMeeting's meeting states: 0 scheduled, 1 in progress, 2 cancelled, 3 ended. */
export type MeetingState = 0 | 1 | 2 | 3;

export function isMeetingState(value: unknown): value is MeetingState {
	return value === 0 || value === 1 || value === 2 || value === 3;
}

/** A lifecycle event the trigger deduced for a meeting, in the order the meeting went through them. */
export interface Transition {
	event: Exclude<TriggerEvent, 'recordingReady'>;
	/**
	 * The trigger never saw the meeting in the state this event leads to: a meeting scheduled and
	 * closed between two polls, or one that started and ended between two polls.
	 */
	inferred: boolean;
}

/**
 * The events between the state a meeting had at the previous poll (undefined: the trigger did not
 * know it) and the state it has now, each once and in lifecycle order. A meeting that went from
 * scheduled to ended between two polls gives Meeting Started (inferred) and then Meeting Ended.
 * An instant meeting (type 1) is never "scheduled": it is in progress from its creation.
 */
export function transitions(
	before: MeetingState | undefined,
	now: MeetingState,
	type?: string,
): Transition[] {
	const instant = type === '1';
	const seen = (event: Transition['event'], inferred: boolean): Transition => ({ event, inferred });
	const out: Transition[] = [];
	if (before === undefined && !(instant && now !== 0)) {
		out.push(seen('meetingScheduled', now !== 0));
	}
	if (now === 1 && before !== 1) out.push(seen('meetingStarted', false));
	if (now === 3 && before !== 1 && before !== 3) out.push(seen('meetingStarted', true));
	if (now === 3 && before !== 3) out.push(seen('meetingEnded', false));
	if (now === 2 && before !== 2) out.push(seen('meetingCancelled', false));
	return out;
}

/** Rank of an event among those of one meeting in one poll. */
export const EVENT_ORDER: Record<TriggerEvent, number> = {
	meetingScheduled: 0,
	meetingStarted: 1,
	meetingEnded: 2,
	meetingCancelled: 2,
	recordingReady: 3,
};
