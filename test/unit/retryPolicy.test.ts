import { parseRetryAfter, RETRY_LIMITS, retryDelay } from '../../nodes/UMeeting/transport/retryPolicy';

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 10.2.3), and a recipient must read
 * all three HTTP date formats (5.6.7), every one of them in GMT. `now` is fixed, so every expected
 * wait is exact; the machine runs in Pacific/Chatham (npm test), 13:45 ahead of GMT, so a date read
 * in the machine's zone instead of GMT is off by hours.
 */
const NOW = Date.parse('2026-11-28T10:00:00.000Z');

/** The three HTTP date formats of the same instant. */
function httpDates(instant: number) {
	const date = new Date(instant);
	const imf = date.toUTCString(); // Sat, 28 Nov 2026 10:00:05 GMT
	const [weekday, day, month, year, time] = imf.replace(',', '').split(' ');
	const longDays: Record<string, string> = {
		Mon: 'Monday',
		Tue: 'Tuesday',
		Wed: 'Wednesday',
		Thu: 'Thursday',
		Fri: 'Friday',
		Sat: 'Saturday',
		Sun: 'Sunday',
	};
	return {
		imf,
		rfc850: `${longDays[weekday]}, ${day}-${month}-${year.slice(2)} ${time} GMT`,
		asctime: `${weekday} ${month} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`,
	};
}

describe('parseRetryAfter', () => {
	test('an IMF-fixdate five seconds ahead is a five-second wait', () => {
		const { imf } = httpDates(NOW + 5000);
		expect(imf).toBe('Sat, 28 Nov 2026 10:00:05 GMT');
		expect(parseRetryAfter(imf, NOW)).toBe(5000);
	});

	test('an HTTP date a few seconds ahead of the real clock waits until then (default now)', () => {
		// A whole second (HTTP dates have no fractions), at least three seconds from now.
		const before = Date.now();
		const target = Math.ceil(before / 1000) * 1000 + 3000;
		const wait = parseRetryAfter(new Date(target).toUTCString())!;
		const after = Date.now();
		expect(wait).toBeGreaterThanOrEqual(target - after);
		expect(wait).toBeLessThanOrEqual(target - before);
		expect(wait).toBeGreaterThanOrEqual(2900);
	});

	test.each([
		['one second ago', -1000],
		['an hour ago', -3_600_000],
		['now', 0],
	])('an HTTP date %s means no wait (0)', (_label, offset) => {
		expect(parseRetryAfter(httpDates(NOW + offset).imf, NOW)).toBe(0);
	});

	test('the obsolete RFC 850 date is read in GMT', () => {
		const { rfc850 } = httpDates(NOW + 7000);
		expect(rfc850).toBe('Saturday, 28-Nov-26 10:00:07 GMT');
		expect(parseRetryAfter(rfc850, NOW)).toBe(7000);
	});

	test('the obsolete asctime date, which has no zone, is read in GMT, not in the machine zone', () => {
		const { asctime } = httpDates(NOW + 7000);
		expect(asctime).toBe('Sat Nov 28 10:00:07 2026');
		expect(parseRetryAfter(asctime, NOW)).toBe(7000);
	});

	test.each([
		['0', 0],
		['1', 1000],
		['120', 120_000],
		[' 5 ', 5000],
	])('delay-seconds %j', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	test.each(['', 'soon', 'in 5 seconds', 'Monday', '12abc', 'Sat, 99 Foo 2026 25:61:00 GMT'])(
		'garbage %j is no Retry-After (undefined)',
		(value) => {
			expect(parseRetryAfter(value, NOW)).toBeUndefined();
		},
	);

	test('an absent header is undefined', () => {
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
	});

	// Neither delay-seconds (digits only) nor an HTTP date, but JavaScript's lenient Date.parse reads
	// each as some date in the past ('-5' as May 2001, '1.5' as 5 January 2001). ('2026' alone is
	// valid delay-seconds: 2026 s, which retryDelay then finds over its budget.)
	test.each(['-5', '1.5', 'abc 1', 'Sat, 31 Feb 2026 10:00:00 GMT', 'Sat, 28 Nov 2026 10:00:07 CET'])(
		'number-like garbage %j is no Retry-After (undefined)',
		(value) => {
			expect(parseRetryAfter(value, NOW)).toBeUndefined();
		},
	);

	test('2026 is delay-seconds', () => {
		expect(parseRetryAfter('2026', NOW)).toBe(2_026_000);
	});
});

describe('retryDelay with an HTTP date', () => {
	test('503 with a date three seconds ahead: wait three seconds, then send again', () => {
		const retryAfter = httpDates(NOW + 3000).imf;
		expect(retryDelay({ kind: 'answer', httpStatus: 503, retryAfter }, 1, 0, NOW)).toBe(3000);
	});

	test('429 with a date in the past: send again at once', () => {
		const retryAfter = httpDates(NOW - 60_000).imf;
		expect(retryDelay({ kind: 'answer', httpStatus: 429, retryAfter }, 1, 0, NOW)).toBe(0);
	});

	test('a date beyond the total wait the node allows: not sent again', () => {
		const retryAfter = httpDates(NOW + RETRY_LIMITS.maxTotalWaitMs + 1000).imf;
		expect(retryDelay({ kind: 'answer', httpStatus: 503, retryAfter }, 1, 0, NOW)).toBeUndefined();
	});

	test('a date that fits alone but not after what was already waited: not sent again', () => {
		const retryAfter = httpDates(NOW + 10_000).imf;
		expect(retryDelay({ kind: 'answer', httpStatus: 503, retryAfter }, 2, 25_000, NOW)).toBeUndefined();
		expect(retryDelay({ kind: 'answer', httpStatus: 503, retryAfter }, 2, 20_000, NOW)).toBe(10_000);
	});

	test('a 500 with a date: never sent again', () => {
		const retryAfter = httpDates(NOW + 1000).imf;
		expect(retryDelay({ kind: 'answer', httpStatus: 500, retryAfter }, 1, 0, NOW)).toBeUndefined();
	});

	test('503 with garbage: not sent again', () => {
		expect(retryDelay({ kind: 'answer', httpStatus: 503, retryAfter: 'soon' }, 1, 0, NOW)).toBeUndefined();
	});

	test('the last attempt is never followed by another, whatever the date says', () => {
		const retryAfter = httpDates(NOW + 1000).imf;
		expect(
			retryDelay({ kind: 'answer', httpStatus: 503, retryAfter }, RETRY_LIMITS.maxAttempts, 0, NOW),
		).toBeUndefined();
	});
});
