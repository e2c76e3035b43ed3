import { DateTime } from 'luxon';

import { toServiceTime } from '../../nodes/UMeeting/helpers/time';


describe('toServiceTime', () => {
	// `npm test` runs with TZ=Pacific/Chatham (UTC+13:45), far from every zone used here, so a
	// conversion that leaned on the machine's zone would show up as a wrong wall time.
	test('the suite runs in a machine zone unlike the ones under test', () => {
		expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-825);
	});

	test.each([
		['2026-12-01T10:00:00', 'Asia/Shanghai', '2026-12-01 10:00:00'],
		['2026-12-01T10:00', 'America/New_York', '2026-12-01 10:00:00'],
		['2026-12-01 10:00:00', 'America/New_York', '2026-12-01 10:00:00'],
		['2026-12-01 10:00', 'UTC', '2026-12-01 10:00:00'],
		['2026-12-01T10:00:00.123', 'Asia/Shanghai', '2026-12-01 10:00:00'],
	])('wall time %s in %s is sent as written', (input, zone, expected) => {
		expect(toServiceTime(input, zone)).toEqual({ ok: true, value: expected });
	});

	test.each([
		['2026-12-01T02:00:00Z', 'Asia/Shanghai', '2026-12-01 10:00:00'],
		['2026-12-01T10:00:00+08:00', 'America/New_York', '2026-11-30 21:00:00'],
		['2026-07-01T10:00:00.000-04:00', 'Asia/Shanghai', '2026-07-01 22:00:00'],
		['2026-12-01T10:00:00+0530', 'UTC', '2026-12-01 04:30:00'],
	])('instant %s is converted into %s', (input, zone, expected) => {
		expect(toServiceTime(input, zone)).toEqual({ ok: true, value: expected });
	});

	test('across the spring DST change in New York the offset follows the date', () => {
		expect(toServiceTime('2026-03-08T06:30:00Z', 'America/New_York')).toEqual({ ok: true, value: '2026-03-08 01:30:00' });
		expect(toServiceTime('2026-03-08T07:30:00Z', 'America/New_York')).toEqual({ ok: true, value: '2026-03-08 03:30:00' });
	});

	test('across the autumn DST change both 01:30 instants stay 01:30 on the wall', () => {
		expect(toServiceTime('2026-11-01T05:30:00Z', 'America/New_York')).toEqual({ ok: true, value: '2026-11-01 01:30:00' });
		expect(toServiceTime('2026-11-01T06:30:00Z', 'America/New_York')).toEqual({ ok: true, value: '2026-11-01 01:30:00' });
	});

	test('a wall time the clocks skip is refused, not silently shifted', () => {
		const result = toServiceTime('2026-03-08 02:30:00', 'America/New_York');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/does not exist in America\/New_York/);
	});

	test('Shanghai has no DST: the same instant maps the same way all year', () => {
		expect(toServiceTime('2026-03-08T07:30:00Z', 'Asia/Shanghai')).toEqual({ ok: true, value: '2026-03-08 15:30:00' });
		expect(toServiceTime('2026-11-01T06:30:00Z', 'Asia/Shanghai')).toEqual({ ok: true, value: '2026-11-01 14:30:00' });
	});

	test('Date and Luxon DateTime values are instants', () => {
		expect(toServiceTime(new Date('2026-12-01T02:00:00Z'), 'Asia/Shanghai')).toEqual({ ok: true, value: '2026-12-01 10:00:00' });
		const dt = DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Europe/Berlin' });
		expect(toServiceTime(dt, 'Asia/Shanghai')).toEqual({ ok: true, value: '2026-12-01 17:00:00' });
	});

	test.each([
		['', /is required/],
		['   ', /is required/],
		['tomorrow', /must be a date and time/],
		['2026-02-30 10:00:00', /not a valid date/],
		['2026-12-01', /must be a date and time/],
		['2026-12-01 25:00:00', /not a valid date/],
	])('%j is refused', (input, reason) => {
		const result = toServiceTime(input, 'Asia/Shanghai');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(reason);
	});

	test.each([[1764554400000], [null], [undefined], [{}], [[]]])('non-date %j is refused', (input) => {
		expect(toServiceTime(input, 'UTC').ok).toBe(false);
	});
});
