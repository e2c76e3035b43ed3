import { createHash } from 'node:crypto';

import { type Form, integer, onlyKeys, serviceTime } from '../formRules';
import type { License, MeetingStore, StoredMeeting } from '../meetings';
import type { ServiceClock } from '../clock';
import { CREDENTIALS, type EndpointContext } from './context';
import { checkDuration } from './schedule';

/**
 * The account's public meeting rooms follow from its license: `capacity` says how many rooms of
 * each size it has. Every scheduled or running meeting (each open occurrence of a series on its
 * own) takes a room of the smallest size that has rooms and fits its capacity, for its start to
 * start plus duration. Rooms are handed out in the order the meetings were booked: each booking
 * takes the first room of its size that is free for its whole time. The manual does not say that
 * schedule refuses a meeting when no room is free, so the simulator's schedule never does; a
 * booking that finds every room taken is shown in the first room of its size, overlapping. A
 * meeting larger than every room takes none.
 */

export interface Room {
	id: string;
	email: string;
	first_name: string;
	meeting_capacity: number;
}

interface Booking {
	meeting: StoredMeeting;
	start_time: string;
	from: number;
	to: number;
}

/** The rooms a license gives, smallest first, numbered from 1; the same license gives the same ids. */
export function roomsOf(license: License): Room[] {
	const sizes = Object.entries(license.capacity)
		.map(([size, count]) => [Number(size), count] as const)
		.filter(([size, count]) => Number.isInteger(size) && size > 0 && count > 0)
		.sort(([a], [b]) => a - b);
	const rooms: Room[] = [];
	for (const [size, count] of sizes) {
		for (let index = 0; index < count; index++) {
			const number = rooms.length + 1;
			rooms.push({
				id: createHash('sha256').update(`room:${size}:${index}`).digest('base64url').slice(0, 22),
				email: `shareroom${number}@rooms.umeeting.test`,
				first_name: String(number),
				meeting_capacity: size,
			});
		}
	}
	return rooms;
}

/** The room size a meeting of this capacity takes: the smallest one that has rooms and fits it. */
export function roomSizeFor(license: License, capacity: number): number | undefined {
	return roomsOf(license).find((room) => room.meeting_capacity >= capacity)?.meeting_capacity;
}

/** What holds a room now: scheduled and running meetings, and each open occurrence of a series. */
function bookingsOf(store: MeetingStore, clock: ServiceClock): Booking[] {
	const span = (meeting: StoredMeeting, start: string): Booking => {
		const from = clock.parse(start);
		return {
			meeting,
			start_time: start,
			from: from.toMillis(),
			to: from.plus({ minutes: meeting.duration }).toMillis(),
		};
	};
	return store
		.all()
		.filter((meeting) => !meeting.deleted && (meeting.status === 0 || meeting.status === 1))
		.flatMap((meeting) =>
			meeting.occurrences
				? meeting.occurrences.filter((o) => o.status === 0).map((o) => span(meeting, o.start_time))
				: [span(meeting, meeting.start_time)],
		);
}

const overlaps = (booking: { from: number; to: number }, from: number, to: number) =>
	booking.from < to && from < booking.to;

/** Each room with the bookings it holds, in booking order (see the note at the top). */
function allocate(store: MeetingStore, clock: ServiceClock): Map<Room, Booking[]> {
	const rooms = roomsOf(store.license);
	const held = new Map<Room, Booking[]>(rooms.map((room) => [room, []]));
	for (const booking of bookingsOf(store, clock)) {
		const size = roomSizeFor(store.license, booking.meeting.meeting_capacity);
		const ofSize = rooms.filter((room) => room.meeting_capacity === size);
		if (ofSize.length === 0) continue;
		const free = ofSize.find((room) => !held.get(room)!.some((b) => overlaps(b, booking.from, booking.to)));
		held.get(free ?? ofSize[0])!.push(booking);
	}
	return held;
}

/** share/rooms: every room with the meetings booked in it; numbers as strings, as the manual shows them. */
export function rooms(form: Form, { store, clock }: EndpointContext) {
	onlyKeys(form, CREDENTIALS);
	return [...allocate(store, clock)].map(([room, bookings]) => ({
		id: room.id,
		email: room.email,
		first_name: room.first_name,
		meeting_capacity: String(room.meeting_capacity),
		meetings: [...bookings]
			.sort((a, b) => a.from - b.from)
			.map(({ meeting, start_time }) => ({
				duration: String(meeting.duration),
				start_time,
				host_key: meeting.host_key,
				topic: meeting.topic,
				meeting_capacity: String(meeting.meeting_capacity),
				id: meeting.id,
				type: meeting.type,
				status: String(meeting.status),
			})),
	}));
}

/** share/freeRooms: of the room size a meeting of this capacity takes, how many are free for the whole time. */
export function freeRooms(form: Form, { store, clock }: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'meeting_capacity', 'start_time', 'duration']);
	const capacity = integer(form, 'meeting_capacity', { min: 1, required: true })!;
	const start = clock.parse(serviceTime(form, 'start_time', true)!);
	const duration = checkDuration(form, true)!;
	const size = roomSizeFor(store.license, capacity);
	const from = start.toMillis();
	const to = start.plus({ minutes: duration }).toMillis();
	const ofSize = [...allocate(store, clock)].filter(([room]) => room.meeting_capacity === size);
	return {
		total: ofSize.length,
		free: ofSize.filter(([, bookings]) => !bookings.some((b) => overlaps(b, from, to))).length,
	};
}

/** licensing: the account's license as the store holds it. */
export function licensing(form: Form, { store }: EndpointContext) {
	onlyKeys(form, CREDENTIALS);
	const { payType, expire_date, capacity } = store.license;
	return { payType, expire_date, capacity: { ...capacity } };
}
