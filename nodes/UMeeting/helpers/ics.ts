import { IANAZone } from 'luxon';

/**
 * An RFC 5545 iCalendar invitation for one UMeeting meeting (or series), written by hand: the
 * node ships no iCalendar library. Pure: no I/O, no clock, no machine zone (every calendar
 * computation below is UTC arithmetic on wall-clock values plus the service zone's offsets).
 */

export interface InvitationInput {
	method: 'PUBLISH' | 'CANCEL';
	/** UID is `${meetingId}@umeeting`. */
	meetingId: string;
	/** SUMMARY. */
	topic: string;
	/** LOCATION and URL, and in DESCRIPTION (may be absent for CANCEL). */
	joinUrl?: string;
	/** In DESCRIPTION when non-empty. */
	password?: string;
	/** ORGANIZER, which RFC 5546 requires in PUBLISH and CANCEL: an e-mail address and a display name. */
	organizer: { email: string; name?: string };
	/** The service's wall-clock text 'yyyy-MM-dd HH:mm:ss' in serviceZone. */
	start: string;
	/** IANA zone the service reads its texts in (e.g. Asia/Shanghai, Europe/Berlin). */
	serviceZone: string;
	durationMinutes: number;
	/** The recurrence exactly as sent to the service (form fields), absent for a single meeting. */
	recurrence?: Record<string, string>;
	sequence: number;
	/** DTSTAMP. */
	stamp: Date;
	/** CANCEL of one occurrence only: the occurrence's start as service wall text; emits RECURRENCE-ID. */
	occurrenceStart?: string;
}

const CRLF = '\r\n';
const PRODID = '-//n8n-nodes-umeeting//UMeeting invitation//EN';
const SERVICE_WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The zone description starts this long before the first start (a margin for clients' reminders). */
const ZONE_LEAD = 7 * DAY;
/** Longest span the zone description covers; a longer COUNT series keeps the last offset after it. */
const MAX_ZONE_SPAN = 10 * 366 * DAY;
/** The first meeting of any rule is at most a few months after the start day (5th weekday, day 31). */
const FIRST_MATCH_SEARCH_DAYS = 400;
const MAX_LINE_OCTETS = 75;
/** The last instant a DATE-TIME can be written with a four-digit year. */
const LAST_WRITABLE = Date.UTC(9999, 11, 31, 23, 59, 59);
/** An address as RFC 5322 allows it in practice: no spaces, quotes, brackets or a second @. */
const EMAIL =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** SEQUENCE that grows with every later invitation of the same meeting: whole seconds since 2020-01-01T00:00:00Z of the stamp. */
export function invitationSequence(stamp: Date): number {
	const ms = stamp.getTime();
	if (!Number.isFinite(ms)) throw new Error('The invitation stamp is an invalid date');
	return Math.max(0, Math.floor((ms - SEQUENCE_EPOCH) / 1000));
}

/** Whether an e-mail address can be the ORGANIZER's mailto: address. */
export function isOrganizerEmail(email: string): boolean {
	return email.length <= 254 && EMAIL.test(email);
}

/**
 * The first meeting of a series as the service holds it (the start time on the first day from the
 * start day its rule matches, on the service zone's calendar), or undefined when the series ends
 * before that day and holds no meeting at all. Texts are the service's 'yyyy-MM-dd HH:mm:ss'.
 */
export function firstMeetingOf(start: string, recurrence: Record<string, string>): string | undefined {
	const rule = readRecurrence(recurrence);
	const first = firstMatch(parseWall(start, 'start'), rule);
	if (rule.until !== undefined && wallMs(first) > wallMs(rule.until)) return undefined;
	const { year, month, day, hour, minute, second } = first;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** The whole iCalendar file text, CRLF line ends. */
export function buildInvitation(input: InvitationInput): string {
	const zone = checkZone(input.serviceZone);
	if (typeof input.meetingId !== 'string' || input.meetingId.trim() === '') {
		throw new Error('The invitation needs a meeting ID');
	}
	if (!Number.isFinite(input.durationMinutes) || input.durationMinutes < 0) {
		throw new Error(`The meeting duration must be zero or more minutes (got ${input.durationMinutes})`);
	}
	if (!Number.isInteger(input.sequence) || input.sequence < 0) {
		throw new Error(`The invitation sequence must be a whole number of 0 or more (got ${input.sequence})`);
	}
	const stamp = input.stamp.getTime();
	if (!Number.isFinite(stamp)) throw new Error('The invitation stamp is an invalid date');

	const start = parseWall(input.start, 'start');
	const occurrence = input.occurrenceStart ? parseWall(input.occurrenceStart, 'occurrence start') : undefined;
	const rule = input.recurrence && !occurrence ? readRecurrence(input.recurrence) : undefined;
	// RFC 5545 leaves a series undefined when DTSTART does not match its rule, and counts DTSTART
	// as the first meeting; the service's first meeting is the first matching day from the start day.
	const first = occurrence ?? (rule ? firstMatch(start, rule) : start);

	const startAt = instantOf(first, zone);
	const endAt = startAt + Math.round(input.durationMinutes * MINUTE);
	const until = rule?.until !== undefined ? instantOf(rule.until, zone) : undefined;
	// A file whose DTEND needs a five-digit year (or is no date at all) cannot be written.
	if (!(endAt <= LAST_WRITABLE)) {
		throw new Error(
			`The meeting's end (${input.durationMinutes} minutes after its start) cannot be written as a date`,
		);
	}
	// RFC 5545 counts DTSTART as the first meeting even after UNTIL; the service holds none.
	if (until !== undefined && startAt > until) {
		throw new Error('The recurrence ends before its first meeting: the series holds no meeting');
	}
	const organizer = input.organizer?.email?.trim() ?? '';
	if (!isOrganizerEmail(organizer)) {
		throw new Error(`The organizer needs a valid e-mail address (got "${organizer}")`);
	}

	const lines: string[] = [
		'BEGIN:VCALENDAR',
		`PRODID:${PRODID}`,
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		`METHOD:${input.method === 'CANCEL' ? 'CANCEL' : 'PUBLISH'}`,
		...timeZoneLines(input.serviceZone, zone, startAt - ZONE_LEAD, zoneSpanEnd(startAt, endAt, rule, until)),
		'BEGIN:VEVENT',
		`UID:${escapeText(`${input.meetingId}@umeeting`)}`,
		`SEQUENCE:${input.sequence}`,
		`DTSTAMP:${formatUtc(stamp)}`,
		organizerLine(organizer, input.organizer.name),
		// The service expands a series on the calendar days of its own zone: BYDAY and BYMONTHDAY
		// only mean what the service means when evaluated in that zone. Written in UTC, a meeting at
		// 07:00 in Asia/Shanghai would fall on the previous UTC day (a Monday rule would read as
		// Sunday), and across a DST change the UTC time of day would drift by an hour.
		`DTSTART;TZID=${input.serviceZone}:${formatWall(first)}`,
		endLine(endAt, input.serviceZone, zone),
	];
	if (rule) lines.push(`RRULE:${rruleText(rule, until)}`);
	if (occurrence) lines.push(`RECURRENCE-ID;TZID=${input.serviceZone}:${formatWall(occurrence)}`);
	lines.push(`SUMMARY:${escapeText(input.topic ?? '')}`);
	const joinUrl = input.joinUrl?.trim() ? input.joinUrl.trim() : undefined;
	if (joinUrl) {
		lines.push(`LOCATION:${escapeText(joinUrl)}`);
		lines.push(`URL:${cleanUri(joinUrl)}`);
	}
	lines.push(`DESCRIPTION:${escapeText(description(input.meetingId, joinUrl, input.password))}`);
	if (input.method === 'CANCEL') lines.push('STATUS:CANCELLED');
	lines.push('END:VEVENT', 'END:VCALENDAR');
	return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** ORGANIZER with the host's name as CN, quoted because a name may hold `:` `;` or `,`. */
function organizerLine(email: string, name: string | undefined): string {
	// A quoted parameter value cannot hold a double quote or a control character (RFC 5545 3.1).
	const cn = dropChars(wellFormed(name ?? ''), (code) => code < 0x20 || code === 0x7f)
		.replace(/"/g, "'")
		.trim();
	return `ORGANIZER${cn ? `;CN="${cn}"` : ''}:mailto:${email}`;
}

function description(meetingId: string, joinUrl: string | undefined, password: string | undefined): string {
	const parts: string[] = [];
	if (joinUrl) parts.push(`Join the meeting: ${joinUrl}`);
	parts.push(`Meeting number: ${meetingId}`);
	if (password) parts.push(`Password: ${password}`);
	return parts.join('\n');
}

// ---------------------------------------------------------------- text

/** TEXT value escaping (RFC 5545 3.3.11); control characters a content line may not carry are dropped. */
function escapeText(text: string): string {
	const escaped = wellFormed(text)
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
	return dropChars(escaped, (code) => code <= 0x08 || (code >= 0x0b && code <= 0x1f) || code === 0x7f);
}

/** A URI value is not escaped, but must not break the content line. */
function cleanUri(uri: string): string {
	return dropChars(wellFormed(uri), (code) => code <= 0x20 || code === 0x7f);
}

/** `text` without the UTF-16 code units `drop` picks (control characters here, by code rather than in a regex). */
function dropChars(text: string, drop: (code: number) => boolean): string {
	let kept = '';
	for (let i = 0; i < text.length; i++) if (!drop(text.charCodeAt(i))) kept += text[i];
	return kept;
}

/** Replaces unpaired surrogates, which have no UTF-8 form. */
function wellFormed(text: string): string {
	return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Folds a content line longer than 75 octets (UTF-8, without the CRLF) into physical lines of at
 * most 75 octets, each continuation starting with one space; a character is never split.
 */
function foldLine(line: string): string {
	const pieces: string[] = [];
	let piece = '';
	let octets = 0;
	let limit = MAX_LINE_OCTETS;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0)!);
		if (octets + size > limit) {
			pieces.push(piece);
			piece = '';
			octets = 0;
			limit = MAX_LINE_OCTETS - 1; // the leading space counts
		}
		piece += char;
		octets += size;
	}
	pieces.push(piece);
	return pieces.join(`${CRLF} `);
}

function utf8Length(codePoint: number): number {
	if (codePoint < 0x80) return 1;
	if (codePoint < 0x800) return 2;
	if (codePoint < 0x10000) return 3;
	return 4;
}

// ---------------------------------------------------------------- wall-clock times

/** A wall-clock time; calendar arithmetic on it treats it as if it were UTC. */
interface Wall {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function parseWall(text: string, what: string): Wall {
	const parts = SERVICE_WALL.exec(typeof text === 'string' ? text : '');
	if (!parts) throw new Error(`The ${what} must be a service time "yyyy-MM-dd HH:mm:ss" (got "${text}")`);
	const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
	const wall = { year, month, day, hour, minute, second };
	const back = wallFromMs(wallMs(wall));
	if (
		back.year !== year ||
		back.month !== month ||
		back.day !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		throw new Error(`The ${what} is not a valid date and time (got "${text}")`);
	}
	return wall;
}

function wallMs(wall: Wall): number {
	return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

function wallFromMs(ms: number): Wall {
	const date = new Date(ms);
	return {
		year: date.getUTCFullYear(),
		month: date.getUTCMonth() + 1,
		day: date.getUTCDate(),
		hour: date.getUTCHours(),
		minute: date.getUTCMinutes(),
		second: date.getUTCSeconds(),
	};
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatWall(wall: Wall): string {
	return (
		`${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}` +
		`T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`
	);
}

function formatUtc(ms: number): string {
	return `${formatWall(wallFromMs(Math.floor(ms / 1000) * 1000))}Z`;
}

// ---------------------------------------------------------------- the service zone

function checkZone(name: string): IANAZone {
	// TZID is written as a bare parameter value, so it must not need quoting (IANA names never do).
	if (typeof name !== 'string' || !/^[A-Za-z0-9/_+-]+$/.test(name) || !IANAZone.isValidZone(name)) {
		throw new Error(`The service time zone is not a known IANA time zone (got "${name}")`);
	}
	return IANAZone.create(name);
}

/** The zone's UTC offset at an instant, in whole seconds. */
function offsetSeconds(zone: IANAZone, ms: number): number {
	return Math.round(zone.offset(ms) * 60);
}

/** Every instant a wall time in the zone denotes: none (clocks skip it), one, or two (clocks go back). */
function instantsOf(wall: Wall, zone: IANAZone): number[] {
	const local = wallMs(wall);
	const offsets = new Set([local - DAY, local, local + DAY].map((probe) => offsetSeconds(zone, probe)));
	return [...offsets]
		.map((offset) => local - offset * 1000)
		.filter((instant) => local - offsetSeconds(zone, instant) * 1000 === instant)
		.sort((a, b) => a - b);
}

/**
 * The instant a wall time in the zone denotes, as RFC 5545 (3.3.5) reads it: a time that occurs
 * twice (clocks going back) is the first of the two; a time the clocks skip is read with the
 * offset in force before the skip.
 */
function instantOf(wall: Wall, zone: IANAZone): number {
	const instants = instantsOf(wall, zone);
	if (instants.length) return instants[0];
	return wallMs(wall) - offsetSeconds(zone, wallMs(wall) - DAY) * 1000;
}

/** DTEND in the service zone, or in UTC when that wall time does not name exactly this one instant. */
function endLine(endAt: number, zoneName: string, zone: IANAZone): string {
	const wall = wallFromMs(endAt + offsetSeconds(zone, endAt) * 1000);
	const instants = instantsOf(wall, zone);
	if (instants.length === 1 && instants[0] === endAt) return `DTEND;TZID=${zoneName}:${formatWall(wall)}`;
	// An end in the hour the clocks go back through: RFC 5545 reads such a wall time as its first
	// occurrence, some parsers (ical.js) as the second; UTC says the one instant to every reader.
	return `DTEND:${formatUtc(endAt)}`;
}

/** Where the zone description must reach: the end of the last meeting, or a generous estimate of it. */
function zoneSpanEnd(
	startAt: number,
	endAt: number,
	rule: Rule | undefined,
	until: number | undefined,
): number {
	let last = endAt;
	if (rule && until !== undefined) last = Math.max(endAt, until + (endAt - startAt));
	else if (rule?.count !== undefined) last = endAt + rule.count * maxGapDays(rule) * DAY;
	return Math.min(last, startAt + MAX_ZONE_SPAN) + DAY;
}

/** The longest possible distance in days between two consecutive meetings of a rule. */
function maxGapDays(rule: Rule): number {
	switch (rule.kind) {
		case 'daily':
			return 1;
		case 'weekdays':
			return 3; // Friday to Monday
		case 'weekly':
			return 7;
		case 'monthDay':
			return rule.monthDay! <= 28 ? 31 : 62; // day 29 to 31 skips months that lack it
		case 'monthWeek':
			return rule.week! <= 4 ? 35 : 155; // a 5th weekday can be missing for several months
	}
}

/**
 * VTIMEZONE for the service zone over [from, to]: the offset in force at `from`, then one
 * observance per actual offset change the zone's rules (Luxon, from the platform's tz data) make in
 * the span. Each observance starts at the wall time of the change in the offset it leaves (RFC 5545
 * 3.6.5). A zone without changes (Asia/Shanghai) gets a single STANDARD block.
 */
function timeZoneLines(zoneName: string, zone: IANAZone, from: number, to: number): string[] {
	const changes: Array<{ at: number; before: number; after: number }> = [];
	// Sampled daily (zones change their offset at most a few times a year), each change then
	// narrowed down to its first second.
	let previousOffset = offsetSeconds(zone, from);
	for (let probe = from; probe < to; ) {
		const next = Math.min(probe + DAY, to);
		const offset = offsetSeconds(zone, next);
		if (offset !== previousOffset) {
			let low = probe;
			let high = next;
			while (high - low > 1000) {
				const middle = low + Math.floor((high - low) / 2000) * 1000;
				if (offsetSeconds(zone, middle) === previousOffset) low = middle;
				else high = middle;
			}
			changes.push({ at: high, before: previousOffset, after: offsetSeconds(zone, high) });
		}
		probe = next;
		previousOffset = offset;
	}

	const initial = offsetSeconds(zone, from);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneName}`];
	lines.push(...observance(zone, from, initial, initial));
	for (const change of changes) lines.push(...observance(zone, change.at, change.before, change.after));
	lines.push('END:VTIMEZONE');
	return lines;
}

function observance(zone: IANAZone, at: number, before: number, after: number): string[] {
	const kind = isDaylight(zone, at, after) ? 'DAYLIGHT' : 'STANDARD';
	const whole = Math.floor(at / 1000) * 1000;
	return [
		`BEGIN:${kind}`,
		`DTSTART:${formatWall(wallFromMs(whole + before * 1000))}`,
		`TZOFFSETFROM:${formatOffset(before)}`,
		`TZOFFSETTO:${formatOffset(after)}`,
		`END:${kind}`,
	];
}

/** Daylight time when the offset is above the lower of the year's January and July offsets. */
function isDaylight(zone: IANAZone, at: number, offset: number): boolean {
	const year = new Date(at).getUTCFullYear();
	const standard = Math.min(
		offsetSeconds(zone, Date.UTC(year, 0, 1)),
		offsetSeconds(zone, Date.UTC(year, 6, 1)),
	);
	return offset > standard;
}

function formatOffset(seconds: number): string {
	const sign = seconds < 0 ? '-' : '+';
	const size = Math.abs(seconds);
	const text = `${pad(Math.floor(size / 3600))}${pad(Math.floor(size / 60) % 60)}`;
	return sign + text + (size % 60 ? pad(size % 60) : '');
}

// ---------------------------------------------------------------- recurrence

interface Rule {
	kind: 'daily' | 'weekdays' | 'weekly' | 'monthDay' | 'monthWeek';
	/** Weekdays 1 (Monday) to 7 (Sunday). */
	days?: number[];
	monthDay?: number;
	week?: number;
	weekDay?: number;
	count?: number;
	until?: Wall;
}

function field(form: Record<string, string>, key: string): string | undefined {
	const value = form[key];
	return value === undefined || value === null || String(value).trim() === ''
		? undefined
		: String(value).trim();
}

function wholeField(form: Record<string, string>, key: string, min: number, max: number): number | undefined {
	const value = field(form, key);
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min || number > max) {
		throw new Error(`Recurrence field ${key} must be a whole number from ${min} to ${max} (got "${value}")`);
	}
	return number;
}

/** Reads the recurrence form fields the way the service does. */
function readRecurrence(form: Record<string, string>): Rule {
	const type = field(form, 'recurrence_type');
	let rule: Rule;
	if (type === '1') {
		rule = { kind: wholeField(form, 'daily_type', 1, 2) === 2 ? 'weekdays' : 'daily' };
	} else if (type === '2') {
		const days = field(form, 'weekly_days');
		if (!days || !/^[1-7](\s*,\s*[1-7])*$/.test(days)) {
			throw new Error(`Recurrence field weekly_days must list weekdays 1 to 7 (got "${days ?? ''}")`);
		}
		rule = { kind: 'weekly', days: [...new Set(days.split(',').map(Number))].sort((a, b) => a - b) };
	} else if (type === '3') {
		const monthDay = wholeField(form, 'monthly_day', 1, 31);
		const week = wholeField(form, 'monthly_week', 1, 5);
		const weekDay = wholeField(form, 'monthly_week_day', 1, 7);
		// As the service: monthly_day wins over monthly_week.
		if (monthDay !== undefined) rule = { kind: 'monthDay', monthDay };
		else if (week !== undefined && weekDay !== undefined) rule = { kind: 'monthWeek', week, weekDay };
		else throw new Error('A monthly recurrence needs monthly_day, or monthly_week with monthly_week_day');
	} else {
		throw new Error(`Recurrence field recurrence_type must be 1, 2 or 3 (got "${type ?? ''}")`);
	}
	// As the service: end_date_time wins over end_times.
	const endDateTime = field(form, 'end_date_time');
	if (endDateTime !== undefined) rule.until = parseWall(endDateTime, 'recurrence end_date_time');
	else rule.count = wholeField(form, 'end_times', 1, Number.MAX_SAFE_INTEGER);
	if (rule.until === undefined && rule.count === undefined) {
		throw new Error('A recurrence needs end_times or end_date_time');
	}
	return rule;
}

/** Weekday 1 (Monday) to 7 (Sunday) of a calendar day. */
function weekdayOf(ms: number): number {
	return ((new Date(ms).getUTCDay() + 6) % 7) + 1;
}

function matches(dayMs: number, rule: Rule): boolean {
	const weekday = weekdayOf(dayMs);
	const date = new Date(dayMs).getUTCDate();
	switch (rule.kind) {
		case 'daily':
			return true;
		case 'weekdays':
			return weekday <= 5;
		case 'weekly':
			return rule.days!.includes(weekday);
		case 'monthDay':
			return date === rule.monthDay;
		case 'monthWeek':
			// Days 1-7 hold the first of each weekday, 8-14 the second, ... 29-31 the fifth.
			return weekday === rule.weekDay && Math.floor((date - 1) / 7) + 1 === rule.week;
	}
}

/** The first meeting of a series: the start time on the first day from the start day that matches. */
function firstMatch(start: Wall, rule: Rule): Wall {
	const day = Date.UTC(start.year, start.month - 1, start.day);
	for (let n = 0; n < FIRST_MATCH_SEARCH_DAYS; n++) {
		const candidate = wallFromMs(day + n * DAY);
		if (matches(day + n * DAY, rule)) {
			return { ...candidate, hour: start.hour, minute: start.minute, second: start.second };
		}
	}
	throw new Error('The recurrence has no meeting within a year of the start');
}

function rruleText(rule: Rule, until: number | undefined): string {
	const parts: string[] = [];
	switch (rule.kind) {
		case 'daily':
			parts.push('FREQ=DAILY');
			break;
		case 'weekdays':
			parts.push('FREQ=WEEKLY', 'WKST=MO', 'BYDAY=MO,TU,WE,TH,FR');
			break;
		case 'weekly':
			parts.push('FREQ=WEEKLY', 'WKST=MO', `BYDAY=${rule.days!.map((d) => RRULE_DAYS[d - 1]).join(',')}`);
			break;
		case 'monthDay':
			// A month without that day has no meeting, as with the service (RFC 5545 ignores it too).
			parts.push('FREQ=MONTHLY', `BYMONTHDAY=${rule.monthDay}`);
			break;
		case 'monthWeek':
			// The Nth such weekday of the month; a month without a 5th one is skipped.
			parts.push('FREQ=MONTHLY', `BYDAY=${rule.week}${RRULE_DAYS[rule.weekDay! - 1]}`);
			break;
	}
	// UNTIL is inclusive, like the service's end_date_time, and in UTC because DTSTART has a TZID.
	if (until !== undefined) parts.push(`UNTIL=${formatUtc(until)}`);
	else parts.push(`COUNT=${rule.count}`);
	return parts.join(';');
}
