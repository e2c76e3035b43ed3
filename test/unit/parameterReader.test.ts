import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { parameterReader } from '../../nodes/UMeeting/actions/parameters';

/**
 * A context whose getNodeParameter resolves "={{ n }}"-style stored values per item (the item
 * index stands in for the expression's result) and counts its calls per parameter.
 */
function context(stored: INodeParameters) {
	const calls: string[] = [];
	const resolve = (value: unknown, itemIndex: number): unknown => {
		if (typeof value === 'string') return value.startsWith('=') ? `${value.slice(1)} ${itemIndex}` : value;
		if (Array.isArray(value)) return value.map((entry) => resolve(entry, itemIndex));
		if (typeof value === 'object' && value !== null)
			return Object.fromEntries(
				Object.entries(value).map(([key, entry]) => [key, resolve(entry, itemIndex)]),
			);
		return value;
	};
	const fake = {
		getNode: () => ({ parameters: stored }),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			options?: { extractValue?: boolean },
		) => {
			calls.push(name);
			const value = stored[name] === undefined ? fallback : resolve(stored[name], itemIndex);
			return options?.extractValue ? (value as { value: unknown }).value : value;
		},
	} as unknown as IExecuteFunctions;
	return {
		read: parameterReader(fake),
		calls: (name: string) => calls.filter((call) => call === name).length,
	};
}

const ITEMS = [0, 1, 2, 3, 4];

test('a parameter without an expression is read from n8n once and gives every item the same value', () => {
	const { read, calls } = context({
		meetingCapacity: 20,
		additionalFields: { password: 'x1', waitingRoom: true },
	});
	expect(ITEMS.map((item) => read('meetingCapacity', item))).toEqual([20, 20, 20, 20, 20]);
	expect(ITEMS.map((item) => read('additionalFields', item, {}))).toEqual(
		ITEMS.map(() => ({ password: 'x1', waitingRoom: true })),
	);
	expect(calls('meetingCapacity')).toBe(1);
	expect(calls('additionalFields')).toBe(1);
});

test('an expression, at the top or anywhere inside a collection, is read for every item', () => {
	const { read, calls } = context({
		topic: '=Call',
		additionalFields: { password: 'x1', agenda: { lines: ['fixed', '=line'] } },
	});
	expect(ITEMS.map((item) => read('topic', item))).toEqual(ITEMS.map((item) => `Call ${item}`));
	expect(ITEMS.map((item) => read('additionalFields', item, {}))).toEqual(
		ITEMS.map((item) => ({ password: 'x1', agenda: { lines: ['fixed', `line ${item}`] } })),
	);
	expect(calls('topic')).toBe(5);
	expect(calls('additionalFields')).toBe(5);
});

test("a parameter the node does not store is left to n8n for every item, with the caller's fallback", () => {
	const { read, calls } = context({});
	expect(read('includeHostSecrets', 0, true)).toBe(true);
	expect(read('includeHostSecrets', 1, false)).toBe(false);
	expect(calls('includeHostSecrets')).toBe(2);
});

test('a value read with extractValue is kept apart from the raw value', () => {
	const { read, calls } = context({ meetingId: { __rl: true, mode: 'id', value: '123' } });
	expect(read('meetingId', 0, '', { extractValue: true })).toBe('123');
	expect(read('meetingId', 1)).toEqual({ __rl: true, mode: 'id', value: '123' });
	expect(read('meetingId', 2, '', { extractValue: true })).toBe('123');
	expect(calls('meetingId')).toBe(2);
});

test('a value shared by the items is frozen, so that no item can change what the next one reads', () => {
	const { read } = context({ additionalFields: { agenda: { lines: ['a'] } } });
	const first = read('additionalFields', 0, {}) as { agenda: { lines: string[] } };
	expect(() => first.agenda.lines.push('b')).toThrow(TypeError);
	expect(read('additionalFields', 1, {})).toEqual({ agenda: { lines: ['a'] } });
});

test('each run reads afresh: a reader belongs to one run', () => {
	const stored: INodeParameters = { duration: 45 };
	const first = context(stored);
	expect(first.read('duration', 0)).toBe(45);
	stored.duration = 60;
	const second = context(stored);
	expect(second.read('duration', 0)).toBe(60);
});
