import type { INodeProperties } from 'n8n-workflow';

import { messageForModel, modelArguments } from '../../nodes/UMeeting/actions/toolErrors';

const properties: INodeProperties[] = [
	{ displayName: 'Topic', name: 'topic', type: 'string', default: '' },
	{ displayName: 'Duration (Minutes)', name: 'duration', type: 'number', default: 60 },
	{ displayName: 'Meeting', name: 'meetingId', type: 'resourceLocator', default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		options: [{ displayName: 'Waiting Room', name: 'waitingRoom', type: 'boolean', default: false }],
	},
];

describe('modelArguments', () => {
	test('finds each $fromAI argument with the field it fills, at any depth and in a resource locator', () => {
		expect(
			modelArguments(
				{
					topic: "={{ $fromAI('topic', 'Short title', 'string') }}",
					duration: '={{ $fromAI("duration_minutes") }}',
					meetingId: { __rl: true, mode: 'id', value: '={{ $fromAI(`meeting_id`) }}' },
					additionalFields: { waitingRoom: "={{ $fromAI('waiting_room', '', 'boolean') }}" },
					resource: 'meeting',
				},
				properties,
			),
		).toEqual([
			{ label: 'Topic', argument: 'topic' },
			{ label: 'Duration (Minutes)', argument: 'duration_minutes' },
			{ label: 'Meeting', argument: 'meeting_id' },
			{ label: 'Additional Fields › Waiting Room', argument: 'waiting_room' },
		]);
	});

	test('a field the author fixed is no argument', () => {
		expect(modelArguments({ topic: 'Weekly', duration: '={{ 45 }}' }, properties)).toEqual([]);
	});
});

describe('messageForModel', () => {
	const args = [{ label: 'Duration (Minutes)', argument: 'duration_minutes' }];

	test('names the argument beside the field and carries the advice of the description', () => {
		expect(
			messageForModel(
				'Invalid input in item 0: "Duration (Minutes)" must be more than 30 (got 20)',
				'Fix the field and run again; nothing was sent to UMeeting.',
				args,
			),
		).toBe(
			'Invalid input in item 0: "Duration (Minutes)" (your argument duration_minutes) must be more than 30 (got 20). Fix the field and run again; nothing was sent to UMeeting.',
		);
	});

	test('a message ending with a full stop gets no second one; no description adds nothing', () => {
		expect(messageForModel('Meeting not found.', 'Check the number.', args)).toBe(
			'Meeting not found. Check the number.',
		);
		expect(messageForModel('Meeting not found', undefined, args)).toBe('Meeting not found');
	});

	test('a field without an argument stays as it is', () => {
		expect(messageForModel('"Topic" is required', null, args)).toBe('"Topic" is required');
	});
});
