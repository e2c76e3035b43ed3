import { DateTime, IANAZone } from 'luxon';

/** The only time format the UMeeting API reads and writes; it carries no zone. */
export const SERVICE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * Default of the time-zone fields: n8n builds $now in the workflow's zone (its settings, else the
 * instance default), so the editor's expression preview shows the user which zone that is.
 */
export const WORKFLOW_TIME_ZONE = '={{ $now.zoneName }}';

/** Every IANA zone the runtime knows, for the time-zone fields. */
export const TIME_ZONE_OPTIONS = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])]
	.sort()
	.map((zone) => ({ name: zone, value: zone }));

export type Converted = { ok: true; value: string } | { ok: false; reason: string };

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const zoneValidity = new Map<string, boolean>();

/** Whether the runtime knows the zone; remembered, since each check builds an Intl formatter. */
export function isValidTimeZone(zone: string): boolean {
	let valid = zoneValidity.get(zone);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(zone);
		zoneValidity.set(zone, valid);
	}
	return valid;
}

/**
 * Turns what a user or an expression gives for a moment in time into the service's wall-clock
 * text in `zone`. Text without an offset is read as wall-clock time in `zone` (that is how the
 * editor's date picker stores it); text with an offset, a Date or a Luxon DateTime is an
 * instant and is converted into `zone`. The machine's own zone is never consulted.
 */
export function toServiceTime(input: unknown, zone: string): Converted {
	if (input instanceof Date) return fromInstant(input.toISOString(), zone);
	if (isDateTimeLike(input)) {
		const iso = input.toISO();
		return iso ? fromInstant(iso, zone) : { ok: false, reason: 'is an invalid date-time value' };
	}
	if (typeof input !== 'string') {
		return { ok: false, reason: `must be a date and time (got ${describeValue(input)})` };
	}
	const text = input.trim();
	if (text === '') return { ok: false, reason: 'is required' };
	if (WITH_OFFSET.test(text)) return fromInstant(text, zone);
	const wall = WALL_TIME.exec(text);
	if (wall) return fromWallTime(wall, zone);
	return {
		ok: false,
		reason: `must be a date and time such as "2026-12-01 09:30:00" or an ISO 8601 string (got "${text}")`,
	};
}

function fromInstant(iso: string, zone: string): Converted {
	const instant = DateTime.fromISO(iso, { setZone: true });
	if (!instant.isValid) return { ok: false, reason: `is not a valid date and time (got "${iso}")` };
	return { ok: true, value: instant.setZone(zone).toFormat(SERVICE_TIME_FORMAT) };
}

function fromWallTime(parts: RegExpExecArray, zone: string): Converted {
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
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
	return { ok: true, value: local.toFormat(SERVICE_TIME_FORMAT) };
}

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

/** A service time (wall time in `zone`) as ISO 8601 with that zone's offset; null when unreadable. */
export function toIsoInZone(serviceTime: string, zone: string): string | null {
	const parts = WALL_TIME.exec(serviceTime.trim());
	if (!parts) return null;
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
	const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
	return local.isValid ? local.toISO({ suppressMilliseconds: true }) : null;
}
