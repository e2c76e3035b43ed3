import fc from 'fast-check';
import { DateTime } from 'luxon';

import {
	readServiceTime,
	serviceTimeToIso,
	toServiceTime,
	type TimeZones,
} from '../../nodes/UMeeting/helpers/time';

const zones = (item: string, service: string = item): TimeZones => ({ item, service });

/** The instant UMeeting will take a sent text for: read in the service zone, independently of the node. */
function instantOf(text: string, service: string): number {
	const read = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone: service });
	if (!read.isValid) throw new Error(`"${text}" is not a service time in ${service}`);
	return read.toMillis();
}

/** Converts, expects success, and checks the service will read the text as `meant`. */
function sent(input: unknown, given: TimeZones, meant: string | number): string {
	const result = toServiceTime(input, given);
	if (!result.ok) throw new Error(`expected success, got: ${result.reason}`);
	const millis = typeof meant === 'number' ? meant : DateTime.fromISO(meant, { setZone: true }).toMillis();
	expect(instantOf(result.value, given.service)).toBe(Math.floor(millis / 1000) * 1000);
	return result.value;
}

function refusal(input: unknown, given: TimeZones): string {
	const result = toServiceTime(input, given);
	if (result.ok) throw new Error(`expected a refusal, got "${result.value}"`);
	return result.reason;
}

describe('toServiceTime', () => {
	// `npm test` runs with TZ=Pacific/Chatham (UTC+13:45), far from every zone used here, so a
	// conversion that leaned on the machine's zone would show up as a wrong wall time.
	test('the suite runs in a machine zone unlike the ones under test', () => {
		expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-825);
	});

	describe('item zone and service zone the same', () => {
		test.each([
			['2026-12-01T10:00:00', 'Asia/Shanghai', '2026-12-01 10:00:00', '2026-12-01T10:00:00+08:00'],
			['2026-12-01T10:00', 'America/New_York', '2026-12-01 10:00:00', '2026-12-01T10:00:00-05:00'],
			['2026-12-01 10:00:00', 'America/New_York', '2026-12-01 10:00:00', '2026-12-01T10:00:00-05:00'],
			['2026-12-01 10:00', 'UTC', '2026-12-01 10:00:00', '2026-12-01T10:00:00Z'],
			['2026-12-01T10:00:00.123', 'Asia/Shanghai', '2026-12-01 10:00:00', '2026-12-01T10:00:00+08:00'],
		])('wall time %s in %s is sent as written', (input, zone, expected, meant) => {
			expect(toServiceTime(input, zones(zone))).toEqual({ ok: true, value: expected });
			sent(input, zones(zone), meant);
		});

		test('a wall time the clocks skip is refused, not silently shifted', () => {
			expect(refusal('2026-03-08 02:30:00', zones('America/New_York'))).toMatch(
				/does not exist in America\/New_York/,
			);
		});

		test.each([
			['2026-12-01 24:00', /24:00, which is not a time of day here: write 00:00 of the next day/],
			['2026-12-01T24:00:00', /24:00/],
			['2026-12-01 25:10', /hour 25: hours go from 00 to 23/],
			['2026-12-01 09:60', /minute 60/],
			['2026-02-30 09:00', /day 30, but 2026-02 has 28 days/],
			['2026-13-01 09:00', /month 13/],
		])('%s is refused for what it is, never as a daylight-saving gap', (text, reason) => {
			for (const zone of ['America/New_York', 'Asia/Shanghai', 'Pacific/Chatham']) {
				const why = refusal(text, zones(zone, 'Asia/Shanghai'));
				expect(why).toMatch(reason);
				expect(why).not.toMatch(/daylight|does not exist/);
			}
		});
	});

	describe('text with an offset, a Date and a Luxon DateTime are instants whatever the item zone', () => {
		const itemZones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Pacific/Chatham', 'Etc/UTC'];

		test.each([
			['2026-12-01T02:00:00Z', 'Asia/Shanghai', '2026-12-01 10:00:00'],
			['2026-12-01T10:00:00+08:00', 'America/New_York', '2026-11-30 21:00:00'],
			['2026-07-01T10:00:00.000-04:00', 'Asia/Shanghai', '2026-07-01 22:00:00'],
			['2026-12-01T10:00:00+0530', 'UTC', '2026-12-01 04:30:00'],
			['2026-12-01T09:30:00-05:00', 'Asia/Shanghai', '2026-12-01 22:30:00'],
		])('instant %s is written in service zone %s', (input, service, expected) => {
			for (const item of itemZones) expect(sent(input, zones(item, service), input)).toBe(expected);
		});

		test('a JS Date', () => {
			const date = new Date('2026-12-01T02:00:00Z');
			for (const item of itemZones) {
				expect(sent(date, zones(item, 'Asia/Shanghai'), date.getTime())).toBe('2026-12-01 10:00:00');
				expect(sent(date, zones(item, 'America/New_York'), date.getTime())).toBe('2026-11-30 21:00:00');
			}
		});

		test('a Luxon DateTime, whatever zone it carries', () => {
			const berlin = DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Europe/Berlin' });
			const chatham = berlin.setZone('Pacific/Chatham');
			for (const item of itemZones) {
				expect(sent(berlin, zones(item, 'Asia/Shanghai'), berlin.toMillis())).toBe('2026-12-01 17:00:00');
				expect(sent(chatham, zones(item, 'Asia/Shanghai'), berlin.toMillis())).toBe('2026-12-01 17:00:00');
			}
		});
	});

	describe('item zone differs from service zone', () => {
		test('a wall time is meant in the item zone and written in the service zone', () => {
			expect(
				sent('2026-12-01T09:30:00', zones('America/New_York', 'Asia/Shanghai'), '2026-12-01T09:30:00-05:00'),
			).toBe('2026-12-01 22:30:00');
			expect(
				sent('2026-12-01 21:00:00', zones('America/New_York', 'Asia/Shanghai'), '2026-12-01T21:00:00-05:00'),
			).toBe('2026-12-02 10:00:00');
			expect(
				sent('2026-07-01 09:30', zones('America/New_York', 'Asia/Shanghai'), '2026-07-01T09:30:00-04:00'),
			).toBe('2026-07-01 21:30:00');
			expect(
				sent('2026-12-01T09:30:00', zones('Asia/Shanghai', 'America/New_York'), '2026-12-01T09:30:00+08:00'),
			).toBe('2026-11-30 20:30:00');
			expect(
				sent('2026-12-01T09:30:00', zones('Pacific/Chatham', 'Europe/Berlin'), '2026-12-01T09:30:00+13:45'),
			).toBe('2026-11-30 20:45:00');
		});

		test('a wall time in a daylight-saving gap of the item zone is refused, whatever the service zone', () => {
			for (const service of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin']) {
				expect(refusal('2026-03-08 02:30:00', zones('America/New_York', service))).toMatch(
					/does not exist in America\/New_York/,
				);
			}
			// The same wall time exists in Shanghai, and written in New York it is outside the gap.
			expect(
				sent('2026-03-08 02:30:00', zones('Asia/Shanghai', 'America/New_York'), '2026-03-08T02:30:00+08:00'),
			).toBe('2026-03-07 13:30:00');
		});
	});

	describe('daylight-saving changes of the service zone', () => {
		test('spring in New York: the offset follows the date', () => {
			expect(
				sent('2026-03-08T06:30:00Z', zones('Asia/Shanghai', 'America/New_York'), '2026-03-08T06:30:00Z'),
			).toBe('2026-03-08 01:30:00');
			expect(
				sent('2026-03-08T07:30:00Z', zones('Asia/Shanghai', 'America/New_York'), '2026-03-08T07:30:00Z'),
			).toBe('2026-03-08 03:30:00');
		});

		test('spring in Berlin (2026-03-29): instants around the gap are fine, the ones after it have later texts', () => {
			const berlin = zones('Asia/Shanghai', 'Europe/Berlin');
			expect(sent('2026-03-29T00:30:00Z', berlin, '2026-03-29T00:30:00Z')).toBe('2026-03-29 01:30:00');
			expect(sent('2026-03-29T00:59:59Z', berlin, '2026-03-29T00:59:59Z')).toBe('2026-03-29 01:59:59');
			expect(sent('2026-03-29T01:00:00Z', berlin, '2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00:00');
			expect(sent('2026-03-29T01:30:00Z', berlin, '2026-03-29T01:30:00Z')).toBe('2026-03-29 03:30:00');
			// 01:30 UTC given as a Shanghai wall time is the same instant.
			expect(sent('2026-03-29 09:30:00', berlin, '2026-03-29T01:30:00Z')).toBe('2026-03-29 03:30:00');
		});

		test('spring in Berlin: no instant of the night gets a text the clocks skip', () => {
			const berlin = zones('Asia/Shanghai', 'Europe/Berlin');
			const from = Date.parse('2026-03-28T23:00:00Z');
			for (let t = from; t <= from + 4 * 3_600_000; t += 60_000) {
				const text = sent(new Date(t), berlin, t);
				expect(text).not.toMatch(/^2026-03-29 02:/);
			}
		});

		test('autumn in Berlin (2026-10-25): an instant whose text the service reads as the other hour is refused', () => {
			const berlin = zones('Asia/Shanghai', 'Europe/Berlin');
			expect(refusal('2026-10-25T00:30:00Z', berlin)).toMatch(/repeats/);
			expect(refusal('2026-10-25T00:30:00Z', berlin)).toMatch(/Europe\/Berlin/);
			expect(sent('2026-10-25T01:30:00Z', berlin, '2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30:00');
			// The same two instants given as Shanghai wall times, a Date and a Luxon DateTime.
			expect(refusal('2026-10-25 08:30:00', berlin)).toMatch(/repeats/);
			expect(refusal(new Date('2026-10-25T00:30:00Z'), berlin)).toMatch(/repeats/);
			expect(refusal(DateTime.fromISO('2026-10-25T02:30:00+02:00', { setZone: true }), berlin)).toMatch(
				/repeats/,
			);
			expect(sent('2026-10-25 09:30:00', berlin, '2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30:00');
		});

		test('autumn in Berlin: over the night, refused exactly in the first of the two 02:00 hours', () => {
			const berlin = zones('Etc/UTC', 'Europe/Berlin');
			const repeatedFrom = Date.parse('2026-10-25T00:00:00Z');
			const repeatedTo = Date.parse('2026-10-25T01:00:00Z');
			for (let t = repeatedFrom - 2 * 3_600_000; t <= repeatedTo + 2 * 3_600_000; t += 60_000) {
				if (t >= repeatedFrom && t < repeatedTo) expect(refusal(new Date(t), berlin)).toMatch(/repeats/);
				else sent(new Date(t), berlin, t);
			}
		});

		test('autumn in New York: of the two 01:30 instants, the one the service would misread is refused', () => {
			const newYork = zones('Asia/Shanghai', 'America/New_York');
			expect(refusal('2026-11-01T05:30:00Z', newYork)).toMatch(
				/repeats in the service's time zone America\/New_York/,
			);
			expect(sent('2026-11-01T06:30:00Z', newYork, '2026-11-01T06:30:00Z')).toBe('2026-11-01 01:30:00');
		});

		test('Shanghai has no DST: the same instant maps the same way all year', () => {
			expect(
				sent('2026-03-08T07:30:00Z', zones('America/New_York', 'Asia/Shanghai'), '2026-03-08T07:30:00Z'),
			).toBe('2026-03-08 15:30:00');
			expect(
				sent('2026-11-01T06:30:00Z', zones('America/New_York', 'Asia/Shanghai'), '2026-11-01T06:30:00Z'),
			).toBe('2026-11-01 14:30:00');
			expect(
				sent('2026-11-01T05:30:00Z', zones('America/New_York', 'Asia/Shanghai'), '2026-11-01T05:30:00Z'),
			).toBe('2026-11-01 13:30:00');
		});
	});

	test.each([
		['', /is required/],
		['   ', /is required/],
		['tomorrow', /must be a date and time/],
		['2026-02-30 10:00:00', /not a valid date/],
		['2026-12-01', /must be a date and time/],
		['2026-12-01 25:00:00', /not a valid date/],
	])('%j is refused', (input, reason) => {
		expect(refusal(input, zones('America/New_York', 'Asia/Shanghai'))).toMatch(reason);
		expect(refusal(input, zones('Asia/Shanghai'))).toMatch(reason);
	});

	test.each([[1764554400000], [null], [undefined], [{}], [[]], [new Date(Number.NaN)]])(
		'non-date %j is refused',
		(input) => {
			expect(toServiceTime(input, zones('UTC', 'Asia/Shanghai')).ok).toBe(false);
		},
	);

	test('any instant, any pair of zones: sent as the text the service reads back as that instant, or refused in a repeated hour', () => {
		const zone = fc.constantFrom(
			'Asia/Shanghai',
			'America/New_York',
			'Europe/Berlin',
			'Pacific/Chatham',
			'Etc/UTC',
			'Australia/Lord_Howe',
		);
		// Whole minutes near the DST changes of 2026 are drawn often, the rest of the years now and then.
		const nearChanges = fc
			.tuple(
				fc.constantFrom(
					'2026-03-08T07:00:00Z',
					'2026-11-01T06:00:00Z',
					'2026-03-29T01:00:00Z',
					'2026-10-25T01:00:00Z',
					'2026-04-04T14:00:00Z',
					'2026-09-26T14:00:00Z',
					'2026-04-04T15:00:00Z',
					'2026-10-03T15:30:00Z',
				),
				fc.integer({ min: -150, max: 150 }),
			)
			.map(([at, minutes]) => new Date(Date.parse(at) + minutes * 60_000));
		const anyInstant = fc.date({
			min: new Date('2024-01-01T00:00:00Z'),
			max: new Date('2030-12-31T23:59:59Z'),
			noInvalidDate: true,
		});
		let refused = 0;
		fc.assert(
			fc.property(fc.oneof(nearChanges, anyInstant), zone, zone, (date, item, service) => {
				const result = toServiceTime(date.toISOString(), zones(item, service));
				if (result.ok)
					expect(instantOf(result.value, service)).toBe(Math.floor(date.getTime() / 1000) * 1000);
				else {
					refused++;
					expect(result.reason).toMatch(/repeats/);
					// Refused only where the text stands for two instants: Lord Howe moves its clocks by half an hour.
					const text = (millis: number) =>
						DateTime.fromMillis(millis, { zone: service }).toFormat('yyyy-MM-dd HH:mm:ss');
					const seconds = Math.floor(date.getTime() / 1000) * 1000;
					const other = [-60, -30, 30, 60].some((m) => text(seconds + m * 60_000) === text(seconds));
					expect(other).toBe(true);
				}
			}),
			{ numRuns: 3000 },
		);
		expect(refused).toBeGreaterThan(10);
	});
});

describe('a wall time the item zone shows twice', () => {
	const zones = { item: 'America/New_York', service: 'Asia/Shanghai' };

	test.each([
		['America/New_York', '2026-11-01 01:30:00', ['2026-11-01T01:30:00-05:00', '2026-11-01T01:30:00-04:00']],
		['Europe/Berlin', '2026-10-25 02:15:00', ['2026-10-25T02:15:00+01:00', '2026-10-25T02:15:00+02:00']],
		[
			'Australia/Lord_Howe',
			'2026-04-05 01:45:00',
			['2026-04-05T01:45:00+11:00', '2026-04-05T01:45:00+10:30'],
		],
	])('in %s, %s is refused naming both instants', (item, text, offsets) => {
		const result = toServiceTime(text, { item, service: 'Asia/Shanghai' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toContain('happens twice');
		for (const iso of offsets) expect(result.reason).toContain(iso);
	});

	test('either instant, given with its offset, is sent as itself', () => {
		expect(toServiceTime('2026-11-01T01:30:00-04:00', zones)).toEqual({
			ok: true,
			value: '2026-11-01 13:30:00',
		});
		expect(toServiceTime('2026-11-01T01:30:00-05:00', zones)).toEqual({
			ok: true,
			value: '2026-11-01 14:30:00',
		});
	});

	test('the minutes just outside the repeated hour are accepted', () => {
		expect(toServiceTime('2026-11-01 00:59:00', zones).ok).toBe(true);
		expect(toServiceTime('2026-11-01 02:00:00', zones).ok).toBe(true);
	});
});

describe('readServiceTime', () => {
	test('reads a service text as an instant in the service zone', () => {
		expect(readServiceTime('2026-12-01 22:30:00', 'Asia/Shanghai')?.toMillis()).toBe(
			Date.parse('2026-12-01T14:30:00Z'),
		);
		expect(readServiceTime('2026-12-01 22:30:00', 'America/New_York')?.toMillis()).toBe(
			Date.parse('2026-12-02T03:30:00Z'),
		);
	});

	test('reads back what toServiceTime wrote', () => {
		const given = zones('America/New_York', 'Asia/Shanghai');
		const result = toServiceTime('2026-12-01T09:30:00', given);
		expect(result.ok && readServiceTime(result.value, given.service)?.toMillis()).toBe(
			Date.parse('2026-12-01T14:30:00Z'),
		);
	});

	test.each(['', 'soon', '2026-13-01 10:00:00', '2026-02-30 10:00:00'])(
		'%j is not a service time',
		(text) => {
			expect(readServiceTime(text, 'Asia/Shanghai')).toBeNull();
		},
	);
});

describe('serviceTimeToIso', () => {
	test('shows a service text in the item zone, with its offset', () => {
		const given = zones('America/New_York', 'Asia/Shanghai');
		expect(serviceTimeToIso('2026-12-01 22:30:00', given)).toBe('2026-12-01T09:30:00-05:00');
		expect(serviceTimeToIso('2026-07-01 21:30:00', given)).toBe('2026-07-01T09:30:00-04:00');
		expect(serviceTimeToIso('2026-12-02 10:00:00', given)).toBe('2026-12-01T21:00:00-05:00');
	});

	test('adds minutes for an end time, across the item zone’s DST change', () => {
		const given = zones('America/New_York', 'Asia/Shanghai');
		expect(serviceTimeToIso('2026-12-01 22:30:00', given, 45)).toBe('2026-12-01T10:15:00-05:00');
		// 01:30 EST + 60 minutes is 03:30 EDT on the night the clocks skip 02:00–03:00.
		expect(serviceTimeToIso('2026-03-08 14:30:00', given, 60)).toBe('2026-03-08T03:30:00-04:00');
	});

	test('is the inverse of toServiceTime', () => {
		const given = zones('Pacific/Chatham', 'Europe/Berlin');
		const result = toServiceTime('2026-12-01T09:30:00', given);
		expect(result.ok && serviceTimeToIso(result.value, given)).toBe('2026-12-01T09:30:00+13:45');
	});

	test('null for a text that is not a service time', () => {
		expect(serviceTimeToIso('soon', zones('UTC'))).toBeNull();
	});
});

describe('conversions are remembered per text and zone pair', () => {
	test('the same text in other zones, asked for in turn, gives each pair its own answer', () => {
		const pairs = [
			zones('Europe/Berlin', 'Asia/Shanghai'),
			zones('Asia/Shanghai'),
			zones('America/New_York', 'UTC'),
		];
		const expected = ['2026-12-01 17:00:00', '2026-12-01 10:00:00', '2026-12-01 15:00:00'];
		for (let round = 0; round < 3; round++) {
			expect(pairs.map((pair) => toServiceTime('2026-12-01 10:00:00', pair))).toEqual(
				expected.map((value) => ({ ok: true, value })),
			);
			expect(pairs.map((pair) => serviceTimeToIso('2026-12-01 10:00:00', pair, 30))).toEqual([
				'2026-12-01T03:30:00+01:00',
				'2026-12-01T10:30:00+08:00',
				'2026-12-01T05:30:00-05:00',
			]);
		}
	});

	test('a refusal is remembered as a refusal', () => {
		const gap = zones('Europe/Berlin');
		const first = toServiceTime('2026-03-29 02:30:00', gap);
		expect(first.ok).toBe(false);
		expect(toServiceTime('2026-03-29 02:30:00', gap)).toEqual(first);
	});
});
