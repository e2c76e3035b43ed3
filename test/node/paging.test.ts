import { MAX_PAGES } from '../../nodes/UMeeting/meetings/paging';
import { runUMeeting } from '../helpers/engine';
import { searchMeetings } from '../helpers/listSearch';
import { RecordingListener } from '../helpers/redirectServer';

/**
 * Return All against a service whose list never ends: a loopback server answers share/list and
 * share/history with has_next_page true on every page. The node must stop on its own, with a clear
 * error, after a bounded number of requests, and the editor's list search must send one request
 * per call whatever the service says.
 */
const KEY = 'paging-key';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const SECRET = 'paging-secret-2718';

type Behaviour = 'samePage' | 'newPages' | 'emptySecondPage';

const state = { behaviour: 'newPages' as Behaviour };

const PAGE_SIZE = 30;

function meetingsOf(page: number) {
	return Array.from({ length: PAGE_SIZE }, (_, index) => {
		const id = String(1_780_000_000 + page * 100 + index);
		return {
			id,
			topic: `Page ${page} meeting ${index}`,
			start_time: '2026-12-01 10:00:00',
			duration: 45,
			status: 0,
			type: '2',
			join_url: `https://meet.example/j/${id}`,
			host_key: '314159',
		};
	});
}

function pageOf(pageNumber: number) {
	switch (state.behaviour) {
		case 'samePage':
			// A service that ignores page_number: page 1 every time.
			return meetingsOf(1);
		case 'newPages':
			return meetingsOf(pageNumber);
		case 'emptySecondPage':
			return pageNumber === 1 ? meetingsOf(1).slice(0, 2) : [];
	}
}

const server = new RecordingListener((request, response) => {
	const form = new URLSearchParams(request.body);
	const pageNumber = Number(form.get('page_number') ?? '1');
	const body =
		form.get('api_key') === KEY && form.get('api_secret') === SECRET
			? {
					status: 200,
					message: 'OK',
					data: {
						page_num: pageNumber,
						page_size: PAGE_SIZE,
						total_record: 1_000_000,
						total_page: 1_000_000,
						has_previous_page: pageNumber > 1,
						has_next_page: true,
						meetings: pageOf(pageNumber),
					},
				}
			: { status: 401, message: 'invalid api_key or api_secret' };
	response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
});

beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => {
	server.reset();
	state.behaviour = 'newPages';
});

const credentials = () => ({
	apiKey: KEY,
	apiSecret: SECRET,
	baseUrl: server.url,
	serviceTimeZone: 'Asia/Shanghai',
});

const ENDPOINTS = [
	['getAll', '/umeeting/share/list', 'share/list'],
	['getHistory', '/umeeting/share/history', 'share/history'],
] as const;

function listAll(operation: string) {
	return runUMeeting({
		credentials: credentials(),
		workflowTimeZone: 'America/New_York',
		parameters: { resource: 'meeting', operation, returnAll: true },
	});
}

/** The page numbers the node asked for, in order. */
const pagesAsked = () => server.requests.map((r) => Number(new URLSearchParams(r.body).get('page_number')));

describe.each(ENDPOINTS)('%s (Return All) against a list that never ends', (operation, path, endpoint) => {
	test('the same meetings on every page: fails after page 2 with a NodeApiError, exactly 2 requests', async () => {
		state.behaviour = 'samePage';
		const { output, error } = await listAll(operation);
		expect(output).toBeUndefined();
		expect(error?.name).toBe('NodeApiError');
		expect(error!.message).toBe(`UMeeting answered page 2 of ${endpoint} with the same entries as page 1`);
		expect(error!.description).toMatch(/stopped reading instead of asking for pages without end/);
		expect(server.requests).toHaveLength(2);
		expect(server.requests.every((r) => r.url === path)).toBe(true);
		expect(pagesAsked()).toEqual([1, 2]);
	});

	test(`new meetings on every page: fails after MAX_PAGES (${MAX_PAGES}) with exactly that many requests`, async () => {
		const { output, error } = await listAll(operation);
		expect(output).toBeUndefined();
		expect(error?.name).toBe('NodeApiError');
		expect(error!.message).toBe(
			`UMeeting still reported more entries after ${MAX_PAGES} pages of ${endpoint}`,
		);
		expect(error!.description).toMatch(/Turn off Return All and set a Limit/);
		expect(server.requests).toHaveLength(MAX_PAGES);
		expect(pagesAsked()).toEqual(Array.from({ length: MAX_PAGES }, (_, index) => index + 1));
	}, 120_000);

	test('an empty page while has_next_page is still true ends the list normally', async () => {
		state.behaviour = 'emptySecondPage';
		const { output, error } = await listAll(operation);
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		expect(pagesAsked()).toEqual([1, 2]);
		expect(output!.map((item) => item.json.meeting_id)).toEqual(['1780000100', '1780000101']);
	});

	test('with Continue On Fail the endless list is an error item, not an endless run', async () => {
		state.behaviour = 'samePage';
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			continueOnFail: true,
			parameters: { resource: 'meeting', operation, returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output![0].json.error).toMatch(/with the same entries as page 1/);
		expect(server.requests).toHaveLength(2);
	});

	test('a Limit stops reading once it has enough, whatever the service says (Limit 45: 2 pages)', async () => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			parameters: { resource: 'meeting', operation, returnAll: false, limit: 45 },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(45);
		expect(pagesAsked()).toEqual([1, 2]);
		expect(output![44].json.meeting_id).toBe('1780000214');
	});
});

describe("the editor's list search against the endless server", () => {
	test('one request per call, each for the page it is given, and a token for the next', async () => {
		const first = await searchMeetings(credentials());
		expect(server.requests).toHaveLength(1);
		expect(first.results).toHaveLength(PAGE_SIZE);
		expect(first.paginationToken).toBe('2');

		const second = await searchMeetings(credentials(), undefined, first.paginationToken as string);
		expect(server.requests).toHaveLength(2);
		expect(pagesAsked()).toEqual([1, 2]);
		expect(second.results[0].value).toBe('1780000200');
		expect(second.paginationToken).toBe('3');
	});

	test('a filter that matches nothing on the page still sends only one request', async () => {
		const found = await searchMeetings(credentials(), 'no such topic anywhere');
		expect(found.results).toEqual([]);
		expect(server.requests).toHaveLength(1);
		expect(found.paginationToken).toBe('2');
	});

	test('the same page over and over: still one request per call', async () => {
		state.behaviour = 'samePage';
		for (let call = 1; call <= 3; call++) {
			await searchMeetings(credentials(), undefined, String(call));
			expect(server.requests).toHaveLength(call);
		}
		expect(pagesAsked()).toEqual([1, 2, 3]);
	});
});
