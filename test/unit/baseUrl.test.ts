import { UMeetingApi } from '../../credentials/UMeetingApi.credentials';
import { baseUrlProblem } from '../../nodes/UMeeting/transport/baseUrl';

describe('Base URL rule: https, or http on loopback, or http when explicitly allowed', () => {
	test.each([
		'https://api.systeccloud.com',
		'https://meet.example.cn:8443/',
		'http://localhost:8787',
		'http://127.0.0.1:3000',
		'http://127.9.9.9',
		'http://[::1]:8080',
	])('%s is accepted', (url) => {
		expect(baseUrlProblem(url, false)).toBeUndefined();
	});

	test.each([
		'http://api.systeccloud.com',
		'http://10.0.0.5',
		'http://128.0.0.1',
		'http://localhost.evil.example',
		'http://app.localhost',
	])('%s is refused unless insecure HTTP is allowed', (url) => {
		expect(baseUrlProblem(url, false)).toMatch(/plain http:\/\/.*Allow Insecure HTTP/);
		expect(baseUrlProblem(url, true)).toBeUndefined();
	});

	test('a name under .localhost gets no loopback exemption, and the refusal says why: Node.js resolves it through DNS', () => {
		expect(baseUrlProblem('http://meet.localhost:8080', false)).toMatch(/\.localhost.*DNS/);
	});

	test.each([
		['https://api.systeccloud.com?tenant=1', /query string/],
		['https://api.systeccloud.com/?', /query string/],
		['https://api.systeccloud.com/base?x#y', /query string/],
		['https://api.systeccloud.com#umeeting', /fragment/],
		['http://localhost:8787/#', /fragment/],
		['https://user:pw@api.systeccloud.com', /user name or password/],
	])(
		'%s is refused whatever the http setting: the endpoint path would not be where the node puts it',
		(url, reason) => {
			expect(baseUrlProblem(url, true)).toMatch(reason);
			expect(baseUrlProblem(url, false)).toMatch(reason);
		},
	);

	test.each([['ftp://files.example'], ['api.systeccloud.com'], [''], [undefined]])('%j is refused', (url) => {
		expect(baseUrlProblem(url, true)).toEqual(expect.any(String));
	});
});

describe('credential authenticate', () => {
	const authenticate = new UMeetingApi().authenticate;

	test('adds key and secret to the form body, keeping what is there', async () => {
		const request = await authenticate(
			{ apiKey: 'k', apiSecret: 's', baseUrl: 'https://api.systeccloud.com' },
			{ url: '/umeeting/share/list', body: { page_size: '1' } },
		);
		expect(request.body).toEqual({ page_size: '1', api_key: 'k', api_secret: 's' });
		expect(request.qs).toBeUndefined();
		expect(request.headers).toBeUndefined();
	});

	test('refuses a plain-http Base URL before the secret goes anywhere', async () => {
		await expect(
			authenticate({ apiKey: 'k', apiSecret: 's', baseUrl: 'http://api.systeccloud.com' }, { url: '/x' }),
		).rejects.toThrow(/Allow Insecure HTTP/);
	});
});
