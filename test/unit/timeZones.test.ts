import { IANAZone } from 'luxon';

import {
	SERVICE_TIME_ZONE_DEFAULT,
	TIME_ZONE_NAMES,
	TIME_ZONE_OPTIONS,
	isValidTimeZone,
} from '../../nodes/UMeeting/helpers/timeZones';

/** Plain code-unit order, the one n8n sorts its Workflow Settings list in. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('time-zone list', () => {
	it('holds the canonical IANA names n8n shows, and the zones people pick most', () => {
		for (const zone of [
			'Asia/Kolkata',
			'Europe/Kyiv',
			'Asia/Ho_Chi_Minh',
			'Asia/Kathmandu',
			'Asia/Yangon',
			'America/New_York',
			'Asia/Shanghai',
			'Etc/UTC',
			'Etc/GMT',
		]) {
			expect(TIME_ZONE_NAMES).toContain(zone);
		}
	});

	it('lists none of the legacy aliases the runtime lists in their place', () => {
		for (const alias of [
			'Asia/Calcutta',
			'Europe/Kiev',
			'Asia/Saigon',
			'Asia/Katmandu',
			'Asia/Rangoon',
			'America/Buenos_Aires',
			'Pacific/Truk',
			'Pacific/Enderbury',
			'America/Godthab',
		]) {
			expect(TIME_ZONE_NAMES).not.toContain(alias);
		}
	});

	it('has no plain UTC entry, as n8n has none (Etc/UTC stands for it)', () => {
		expect(TIME_ZONE_NAMES).not.toContain('UTC');
	});

	it('holds n8n’s 319 zones, each once, in code-unit order', () => {
		expect(TIME_ZONE_NAMES).toHaveLength(319);
		expect(new Set(TIME_ZONE_NAMES).size).toBe(TIME_ZONE_NAMES.length);
		expect([...TIME_ZONE_NAMES].sort(byCodeUnit)).toEqual([...TIME_ZONE_NAMES]);
	});

	it('lists only zones luxon can use', () => {
		const unknown = TIME_ZONE_NAMES.filter((zone) => !IANAZone.isValidZone(zone));
		expect(unknown).toEqual([]);
		for (const zone of TIME_ZONE_NAMES) expect(isValidTimeZone(zone)).toBe(true);
	});

	it('cannot be changed at run time', () => {
		expect(Object.isFrozen(TIME_ZONE_NAMES)).toBe(true);
	});

	it('includes the service default', () => {
		expect(TIME_ZONE_NAMES).toContain(SERVICE_TIME_ZONE_DEFAULT);
	});
});

describe('time-zone options', () => {
	it('offers one option per listed zone, named and valued by it, in the same order', () => {
		expect(TIME_ZONE_OPTIONS).toEqual(TIME_ZONE_NAMES.map((zone) => ({ name: zone, value: zone })));
	});

	it('is sorted by name, with unique names', () => {
		const names = TIME_ZONE_OPTIONS.map((option) => option.name);
		expect([...names].sort(byCodeUnit)).toEqual(names);
		expect(new Set(names).size).toBe(names.length);
	});
});

describe('isValidTimeZone', () => {
	it.each(['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'UTC', 'Etc/UTC', 'Asia/Kolkata'])(
		'accepts %s, listed or an alias typed in an expression',
		(zone) => {
			expect(isValidTimeZone(zone)).toBe(true);
		},
	);

	it.each(['Mars/Base', '', 'Asia/Nowhere', 'Not a zone'])('refuses %j', (zone) => {
		expect(isValidTimeZone(zone)).toBe(false);
	});

	it('gives the same answer when asked again (remembered)', () => {
		expect(isValidTimeZone('Mars/Base')).toBe(false);
		expect(isValidTimeZone('Mars/Base')).toBe(false);
		expect(isValidTimeZone('Asia/Calcutta')).toBe(true);
		expect(isValidTimeZone('Asia/Calcutta')).toBe(true);
	});
});
