import { meetingPage } from '../../nodes/UMeeting/meetings/answers';
import { compare } from '../../scripts/live/findings';
import { summarise } from '../../scripts/live/shape';

const page = (meetings: unknown[]) => ({ page_num: 1, page_size: 5, total_page: 1, meetings });
const row = { id: '123', topic: 'Review', host_key: '839201' };

describe('test:live comparison of an answer with the node schema', () => {
	it('passes an answer as the manual shows it, with nothing to report', () => {
		expect(compare(meetingPage, page([row]))).toMatchObject({
			differences: [],
			normalised: [],
			undeclared: [],
		});
	});

	it('names a missing required field by path, what the schema expects and what came', () => {
		const { differences, accepted } = compare(meetingPage, page([row, { topic: 'No id' }]));
		expect(accepted).toBeUndefined();
		expect(differences).toEqual([{ path: 'meetings[1].id', expected: 'text or number', got: 'missing' }]);
	});

	it('names a number given as text as tolerated, and a field the schema lacks as undeclared, once per list', () => {
		const answer = {
			...page([
				{ ...row, room: 'A' },
				{ ...row, id: '124', room: 'B' },
			]),
			page_size: '5',
		};
		const { differences, normalised, undeclared } = compare(meetingPage, answer);
		expect(differences).toEqual([]);
		expect(normalised).toEqual([{ path: 'page_size', declared: 'number', got: 'numeric text' }]);
		expect(undeclared).toEqual([{ path: 'meetings[].room', got: 'text' }]);
	});

	it('describes a host secret that breaks the schema by kind only, and never shows one in a summary', () => {
		const broken = page([{ ...row, host_key: { nested: '839201' } }]);
		const text = JSON.stringify(compare(meetingPage, broken)) + summarise({ ...row, token: 'tok-secret' });
		expect(text).toContain('meetings[0].host_key');
		expect(text).not.toMatch(/839201|tok-secret/);
	});
});
