import { DateTime } from 'luxon';

import { memoize } from './memo';

/**
 * The time model. UMeeting reads and writes zoneless `yyyy-MM-dd HH:mm:ss` texts in its own zone
 * (the credential's Service Time Zone). A person's input without an offset is meant in the node's
 * Time Zone (the item zone, by default the workflow's), which is also the zone answers are shown
 * in. The machine's own zone is never consulted.
 */
export interface TimeZones {
	/** Zone of input without an offset, and of the ISO times in the output. */
	item: string;
	/** Zone the service reads and writes its texts in. */
	service: string;
}

/** The only time format the UMeeting API reads and writes; it carries no zone. */
export const SERVICE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export type Converted = { ok: true; value: string } | { ok: false; reason: string };

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Turns what a user or an expression gives for a moment in time into the service's text for that
 * instant. Text without an offset is wall-clock time in the item zone (as the editor's date picker
 * stores it); text with an offset or Z, a Date or a Luxon DateTime is an instant whatever the zones.
 */
export function toServiceTime(input: unknown, zones: TimeZones): Converted {
	if (typeof input === 'string') return textToServiceTime(input, zones.item, zones.service);
	return convert(input, zones.item, zones.service);
}

function convert(input: unknown, itemZone: string, serviceZone: string): Converted {
	const instant = readInstant(input, itemZone);
	if (!instant.ok) return instant;
	return writeServiceTime(instant.value, serviceZone);
}

/**
 * Luxon's zone arithmetic costs more per item than the rest of the node's own work, and the items
 * of a run mostly share their times and zones: texts are converted once per (text, zones) among the
 * 512 most recently used, a few hundred kilobytes at most. Results are frozen: callers share them.
 */
const CONVERSIONS_KEPT = 512;

const textToServiceTime = memoize(CONVERSIONS_KEPT, (text: string, itemZone: string, serviceZone: string) =>
	Object.freeze(convert(text, itemZone, serviceZone)),
);

type Read = { ok: true; value: DateTime } | { ok: false; reason: string };

function readInstant(input: unknown, zone: string): Read {
	if (input instanceof Date) {
		const instant = DateTime.fromJSDate(input);
		return instant.isValid ? { ok: true, value: instant } : { ok: false, reason: 'is an invalid date' };
	}
	if (isDateTimeLike(input)) {
		const iso = input.toISO();
		return iso ? fromIso(iso) : { ok: false, reason: 'is an invalid date-time value' };
	}
	if (typeof input !== 'string') {
		return { ok: false, reason: `must be a date and time (got ${describeValue(input)})` };
	}
	const text = input.trim();
	if (text === '') return { ok: false, reason: 'is required' };
	if (WITH_OFFSET.test(text)) return fromIso(text);
	const wall = WALL_TIME.exec(text);
	if (wall) return fromWallTime(wall, zone);
	return {
		ok: false,
		reason: `must be a date and time such as "2026-12-01 09:30:00" or an ISO 8601 string (got "${text}")`,
	};
}

function fromIso(iso: string): Read {
	const instant = DateTime.fromISO(iso, { setZone: true });
	if (!instant.isValid) return { ok: false, reason: `is not a valid date and time (got "${iso}")` };
	return { ok: true, value: instant };
}

function fromWallTime(parts: RegExpExecArray, zone: string): Read {
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
	// Checked before Luxon, which rolls 24:00 over into the next day (and would then call it a
	// daylight-saving gap) or reports a day 31 of a 30-day month only as invalid.
	const clock = clockProblem(year, month, day, hour, minute, second);
	if (clock) return { ok: false, reason: `is not a valid date and time: ${clock} (got "${parts[0]}")` };
	const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
	if (!local.isValid) return { ok: false, reason: `is not a valid date and time (got "${parts[0]}")` };
	// Luxon moves a wall time that falls into a daylight-saving gap forward; such a time never
	// shows on a clock in that zone, so scheduling it would silently shift the meeting.
	const kept = local.year === year && local.month === month && local.day === day;
	if (!kept || local.hour !== hour || local.minute !== minute || local.second !== second) {
		return {
			ok: false,
			reason: `does not exist in ${zone} (the clocks skip it for daylight saving time): got "${parts[0]}"`,
		};
	}
	// In the hour a zone repeats when its clocks go back, the same wall time happens twice.
	const twin = repeatedWallTime(local);
	if (twin) {
		return {
			ok: false,
			reason: `happens twice in ${zone} (the clocks go back for daylight saving time): got "${parts[0]}"; add the offset you mean, e.g. ${local.toISO({ suppressMilliseconds: true })} or ${twin.toISO({ suppressMilliseconds: true })}`,
		};
	}
	return { ok: true, value: local };
}

/** What is wrong with a calendar date and clock time, regardless of zone; undefined when nothing. */
function clockProblem(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
): string | undefined {
	if (hour === 24 && minute === 0 && second === 0) {
		return '24:00, which is not a time of day here: write 00:00 of the next day';
	}
	if (hour > 23) return `it has hour ${hour}: hours go from 00 to 23`;
	if (minute > 59) return `it has minute ${minute}: minutes go from 00 to 59`;
	if (second > 59) return `it has second ${second}: seconds go from 00 to 59`;
	if (month < 1 || month > 12) return `it has month ${month}: months go from 01 to 12`;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > days)
		return `it has day ${day}, but ${year}-${String(month).padStart(2, '0')} has ${days} days`;
	return undefined;
}

/** The other instant showing the same wall time in the same zone, if the zone repeats that hour. */
function repeatedWallTime(local: DateTime): DateTime | undefined {
	for (const hours of [-3, 3]) {
		const offset = local.plus({ hours }).offset;
		if (offset === local.offset) continue;
		const other = DateTime.fromMillis(local.toMillis() + (local.offset - offset) * 60_000, {
			zone: local.zone,
		});
		if (
			other.offset === offset &&
			other.toFormat(SERVICE_TIME_FORMAT) === local.toFormat(SERVICE_TIME_FORMAT)
		) {
			return other;
		}
	}
	return undefined;
}

/**
 * The service's text for an instant. In the hour a service zone repeats when its clocks go back,
 * one text stands for two instants and the service reads it as one of them (the later offset, as
 * Luxon does); an instant the service would read back differently is refused rather than shifted.
 */
function writeServiceTime(instant: DateTime, serviceZone: string): Converted {
	const text = instant.setZone(serviceZone).toFormat(SERVICE_TIME_FORMAT);
	const readBack = readServiceTime(text, serviceZone);
	if (readBack && readBack.toMillis() !== Math.floor(instant.toMillis() / 1000) * 1000) {
		return {
			ok: false,
			reason: `falls in the hour that repeats in the service's time zone ${serviceZone} when its clocks go back: UMeeting would read "${text}" as ${readBack.toISO({ suppressMilliseconds: true })}. Choose a time outside that hour.`,
		};
	}
	return { ok: true, value: text };
}

/** The instant a service text stands for, or null when the text is not a service time. */
export function readServiceTime(text: string, serviceZone: string): DateTime | null {
	const parts = WALL_TIME.exec(text.trim());
	if (!parts) return null;
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
	const instant = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: serviceZone });
	return instant.isValid ? instant : null;
}

/** A service text as ISO 8601 with the offset of the item zone, `minutes` later; null when unreadable. */
export function serviceTimeToIso(text: string, zones: TimeZones, minutes = 0): string | null {
	return serviceTextToIso(text, zones.service, zones.item, String(minutes));
}

const serviceTextToIso = memoize(
	CONVERSIONS_KEPT,
	(text: string, serviceZone: string, itemZone: string, minutes: string): string | null => {
		const instant = readServiceTime(text, serviceZone);
		if (!instant) return null;
		return instant
			.plus({ minutes: Number(minutes) })
			.setZone(itemZone)
			.toISO({ suppressMilliseconds: true });
	},
);

function isDateTimeLike(value: unknown): value is { toISO: () => string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function' &&
		'isLuxonDateTime' in value
	);
}

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value}"`;
	return `${typeof value} ${String(value)}`;
}

/**
 * A time the service gives with its own zone marker (such as recording times in UTC, `...Z`) as
 * ISO 8601 with the offset of the item zone; a zoneless text is read in the service zone. Null
 * when unreadable.
 */
export function anyServiceTimeToIso(text: string, zones: TimeZones): string | null {
	const trimmed = text.trim();
	if (!WITH_OFFSET.test(trimmed)) return serviceTimeToIso(trimmed, zones);
	const instant = DateTime.fromISO(trimmed, { setZone: true });
	return instant.isValid ? instant.setZone(zones.item).toISO({ suppressMilliseconds: true }) : null;
}
