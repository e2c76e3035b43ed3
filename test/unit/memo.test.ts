import { memoize } from '../../nodes/UMeeting/helpers/memo';

function counted(limit: number) {
	const computed: string[] = [];
	const upper = memoize(limit, (text: string, zone: string) => {
		computed.push(`${text}/${zone}`);
		return `${text.toUpperCase()} in ${zone}`;
	});
	return { upper, computed };
}

test('a result is computed once per argument list and then given back', () => {
	const { upper, computed } = counted(4);
	expect([upper('a', 'UTC'), upper('a', 'UTC'), upper('a', 'Asia/Shanghai')]).toEqual([
		'A in UTC',
		'A in UTC',
		'A in Asia/Shanghai',
	]);
	expect(computed).toEqual(['a/UTC', 'a/Asia/Shanghai']);
});

test('arguments that join to the same text stay apart', () => {
	const { upper, computed } = counted(4);
	upper('a b', 'c');
	upper('a', 'b c');
	expect(computed).toHaveLength(2);
});

test('at most `limit` results are kept, and the least recently used one goes first', () => {
	const { upper, computed } = counted(2);
	upper('a', 'z');
	upper('b', 'z');
	upper('a', 'z'); // a is now more recent than b
	upper('c', 'z'); // over the limit: b goes
	upper('a', 'z');
	upper('b', 'z');
	expect(computed).toEqual(['a/z', 'b/z', 'c/z', 'b/z']);
});
