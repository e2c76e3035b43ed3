import { checkAnswer } from '../../nodes/UMeeting/transport';
import { describeFailure, redact } from '../../nodes/UMeeting/transport/failures';

describe('checkAnswer: success is HTTP 2xx AND a JSON body AND top-level status 200', () => {
	test.each([
		[200, { status: 200, message: 'OK', data: {} }],
		[200, { status: '200', message: 'OK', data: {} }],
		[201, { status: 200 }],
	])('HTTP %i with %j succeeds', (http, body) => {
		expect(checkAnswer('share/schedule', http, body)).toBeUndefined();
	});

	test.each([
		[200, { status: 401, message: 'invalid api_secret' }, 'refused'],
		[200, { status: '500', message: 'db down' }, 'refused'],
		[200, '<html>oops</html>', 'notJson'],
		[200, { message: 'no status' }, 'notJson'],
		[200, [1, 2], 'notJson'],
		[401, { status: 401, message: 'invalid api_secret' }, 'http'],
		[503, '<html>Service Unavailable</html>', 'http'],
		[302, '', 'http'],
	])('HTTP %i with %j fails as %s', (http, body, kind) => {
		expect(checkAnswer('share/schedule', http, body)?.kind).toBe(kind);
	});
});

describe('describeFailure', () => {
	test('a refusal carries the service message, the HTTP code and the service status', () => {
		const worded = describeFailure(
			{
				kind: 'refused',
				endpoint: 'share/schedule',
				httpStatus: 200,
				serviceStatus: 400,
				serviceMessage: 'duration must be > 30',
			},
			'the-secret',
		);
		expect(worded.message).toBe('UMeeting refused the request (share/schedule): duration must be > 30');
		expect(worded.httpCode).toBe('200');
		expect(worded.description).toMatch(/status 400/);
	});

	test('the secret is scrubbed from every text, also URL-encoded', () => {
		const secret = 's3cr/et+x';
		const worded = describeFailure(
			{
				kind: 'http',
				endpoint: 'share/schedule',
				httpStatus: 500,
				body: `api_key=k&api_secret=${encodeURIComponent(secret)}`,
				attempts: 1,
			},
			secret,
		);
		const everything = JSON.stringify(worded);
		expect(everything).not.toContain(secret);
		expect(everything).not.toContain(encodeURIComponent(secret));
		expect(everything).toContain('api_secret=***');
	});

	test('network failures say whether anything can have been sent', () => {
		const refused = describeFailure(
			{
				kind: 'network',
				endpoint: 'share/schedule',
				cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
				attempts: 3,
			},
			'x',
		);
		expect(refused.description).toMatch(/nothing was sent/);
		expect(refused.message).toMatch(/after 3 attempts/);
		const reset = describeFailure(
			{
				kind: 'network',
				endpoint: 'share/schedule',
				cause: { cause: { code: 'ECONNRESET', message: 'socket hang up' } },
				attempts: 1,
			},
			'x',
		);
		expect(reset.message).toMatch(/the connection was dropped before an answer came/);
		expect(reset.details.networkError).toBe('socket hang up');
		expect(reset.description).toMatch(/may have acted/);
	});

	test('redact leaves text without the secret alone and ignores an empty secret', () => {
		expect(redact('plain', 'zzz')).toBe('plain');
		expect(redact('plain', '')).toBe('plain');
	});
});
