import { type MeetingState, transitions } from '../../nodes/UMeeting/trigger/events';
import { recordingLookBudget } from '../../nodes/UMeeting/trigger/recordings';
import {
	expireClosed,
	HISTORY_MARGIN_MS,
	nextLookMinutes,
	readState,
	STATE_VERSION,
} from '../../nodes/UMeeting/trigger/state';

const show = (before: MeetingState | undefined, now: MeetingState, type = '2') =>
	transitions(before, now, type).map(({ event, inferred }) => `${event}${inferred ? '*' : ''}`);

describe('UMeeting Trigger: which events a change of state gives (* inferred)', () => {
	test.each([
		[undefined, 0, '2', ['meetingScheduled']],
		[undefined, 1, '2', ['meetingScheduled*', 'meetingStarted']],
		[undefined, 1, '1', ['meetingStarted']],
		[undefined, 3, '2', ['meetingScheduled*', 'meetingStarted*', 'meetingEnded']],
		[undefined, 3, '1', ['meetingStarted*', 'meetingEnded']],
		[undefined, 2, '2', ['meetingScheduled*', 'meetingCancelled']],
		[undefined, 2, '1', ['meetingCancelled']],
		[0, 0, '2', []],
		[0, 1, '2', ['meetingStarted']],
		[0, 3, '2', ['meetingStarted*', 'meetingEnded']],
		[0, 2, '2', ['meetingCancelled']],
		[1, 1, '2', []],
		[1, 0, '2', []],
		[1, 3, '2', ['meetingEnded']],
		[1, 2, '2', ['meetingCancelled']],
	] as Array<[MeetingState | undefined, MeetingState, string, string[]]>)(
		'%s → %s (type %s): %j',
		(before, now, type, events) => {
			expect(show(before, now, type)).toEqual(events);
		},
	);
});

describe('UMeeting Trigger: costs and bounds', () => {
	test('a meeting without a recording is looked at 13 times over the default 24 hours, ever less often', () => {
		const looks: number[] = [];
		for (let minute = 0, count = 0; minute < 24 * 60; count++) {
			looks.push(minute);
			minute += nextLookMinutes(count + 1);
		}
		expect(looks).toEqual([0, 1, 3, 7, 15, 31, 63, 127, 255, 495, 735, 975, 1215]);
	});

	test('recording looks per poll: 20 at least, 5 per minute since the previous poll, 200 at most', () => {
		expect(recordingLookBudget(60_000)).toBe(20);
		expect(recordingLookBudget(5 * 60_000)).toBe(25);
		expect(recordingLookBudget(15 * 60_000)).toBe(75);
		expect(recordingLookBudget(60 * 60_000)).toBe(200);
		expect(recordingLookBudget(24 * 60 * 60_000)).toBe(200);
	});

	test('closed meetings are forgotten once they started before the next poll’s floor and were seen closed before its margin', () => {
		const at = Date.UTC(2026, 11, 1, 2);
		const floor = at - HISTORY_MARGIN_MS;
		const kept = expireClosed(
			{
				old: { state: 3, start: floor - 1, seen: floor - 1 },
				edge: { state: 3, start: floor, seen: floor },
				future: { state: 2, start: at + 86_400_000, seen: floor - 1 },
				justSeen: { state: 3, start: floor - 86_400_000, seen: at },
			},
			floor,
			floor,
		);
		expect(Object.keys(kept).sort()).toEqual(['edge', 'future', 'justSeen']);
	});

	test('a saved state is used only for its own account and User Key, and only in its own version', () => {
		const state = {
			v: STATE_VERSION,
			scope: 'https://api.example|sales',
			at: 1,
			events: ['meetingEnded'],
			live: { '1': { state: 0, start: 2 } },
			closed: {},
			departed: {},
			backlog: null,
			historyPages: 1,
			recordings: {},
		};
		expect(readState(state, 'https://api.example|sales')).toEqual(state);
		expect(readState(state, 'https://api.example|')).toBeUndefined();
		expect(readState({ ...state, v: 0 }, 'https://api.example|sales')).toBeUndefined();
		expect(
			readState({ ...state, live: { '1': { state: 5, start: 2 } } }, 'https://api.example|sales'),
		).toBeUndefined();
		expect(readState(undefined, 'https://api.example|sales')).toBeUndefined();
	});
});
