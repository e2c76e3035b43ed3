import { selectedFieldNames, shapeToolOutput } from '../../nodes/UMeeting/actions/toolOutput';

const meeting = {
	meeting_id: '1770000014',
	id: '1770000014',
	topic: 'Sales sync',
	start_time: '2026-12-11 04:00:00',
	start_time_iso: '2026-12-10T15:00:00-05:00',
	duration: 45,
	status: 0,
	status_name: 'scheduled',
	join_url: 'https://meet.example/j/1770000014',
	user_key: null,
	password: '',
	del_flag: '0',
	occurrences: [
		{ start_time: '2026-12-18 04:00:00', start_time_iso: '2026-12-17T15:00:00-05:00', uuid: 'u1' },
	],
	settings: { waiting_room: true, note: '' },
	tags: ['sales', 'weekly'],
	existing: true,
};

describe('shapeToolOutput', () => {
	test('Simplified drops empty, bookkeeping and twinned fields, at every depth', () => {
		expect(shapeToolOutput(meeting, 'simplified')).toEqual({
			meeting_id: '1770000014',
			topic: 'Sales sync',
			start_time_iso: '2026-12-10T15:00:00-05:00',
			duration: 45,
			status_name: 'scheduled',
			join_url: 'https://meet.example/j/1770000014',
			occurrences: [{ start_time_iso: '2026-12-17T15:00:00-05:00', uuid: 'u1' }],
			settings: { waiting_room: true },
			tags: ['sales', 'weekly'],
			existing: true,
		});
	});

	test('Simplified keeps an id that is not the meeting number, and zero and false', () => {
		expect(shapeToolOutput({ id: 'room-7', free: 0, available: false }, 'simplified')).toEqual({
			id: 'room-7',
			free: 0,
			available: false,
		});
	});

	test('All Fields gives the item unchanged', () => {
		expect(shapeToolOutput(meeting, 'all')).toBe(meeting);
	});

	test('Selected Fields gives the named fields in the order named, skipping absent ones', () => {
		const shaped = shapeToolOutput(meeting, 'selected', ['join_url', 'occurrences', 'nope']);
		expect(shaped).toEqual({ join_url: meeting.join_url, occurrences: meeting.occurrences });
		expect(Object.keys(shaped)).toEqual(['join_url', 'occurrences']);
	});
});

test('selectedFieldNames trims the names and skips empty ones', () => {
	expect(selectedFieldNames(' meeting_id, join_url ,, ')).toEqual(['meeting_id', 'join_url']);
	expect(selectedFieldNames(' , ')).toEqual([]);
});
