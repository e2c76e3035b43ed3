import { z } from 'zod';

import { count, idText } from '../../helpers/answerFields';
import { meetingDetails } from '../../meetings/answers';

/**
 * What the service answers about rooms. Counts the manual shows as strings in one place and as
 * numbers in another become numbers; a list or map given as null becomes empty; fields not listed
 * pass through unchanged.
 */

/** A room of share/rooms: a host account of the given size, with what is booked in it. */
export const room = z
	.object({
		id: idText,
		email: z.string().optional(),
		first_name: z.union([z.string(), z.number()]).optional(),
		meeting_capacity: count.optional(),
		meetings: z
			.array(meetingDetails)
			.nullable()
			.optional()
			.transform((rows) => rows ?? []),
	})
	.passthrough();

/**
 * data of share/rooms: the rooms. The manual's example is cut off before the list closes; a single
 * room given without the list around it, or null for an account without rooms, is read as well.
 */
export const roomList = z.union([
	z.array(room),
	room.transform((one) => [one]),
	z.null().transform(() => []),
]);

/** data of share/freeRooms: rooms of the size asked for, and how many of them are free for the whole time. */
export const freeRoomCount = z.object({ total: count, free: count }).passthrough();

/** The billing types the manual names for payType. */
export const PAY_TYPES: Record<string, string> = {
	'1': 'room capacity',
	'2': 'concurrent participants',
	'3': 'usage time',
};

const roomCount = z.union([
	z.number().int().nonnegative(),
	z
		.string()
		.regex(/^\s*\d+\s*$/, 'expected a whole number')
		.transform(Number),
]);

/**
 * data of licensing. `capacity` maps a room size to how many rooms of it the account has; it is
 * kept as answered and also read into `rooms_per_capacity`, smallest size first.
 */
export const license = z
	.object({
		payType: idText.nullable().optional(),
		expire_date: z.union([z.string(), z.number(), z.null()]).optional(),
		capacity: z.record(z.string(), z.unknown()).nullable().optional(),
	})
	.passthrough()
	.transform((data, ctx) => {
		const rooms: Array<{ meeting_capacity: number | string; rooms: number }> = [];
		for (const [size, value] of Object.entries(data.capacity ?? {})) {
			const parsed = roomCount.safeParse(value);
			if (!parsed.success) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['capacity', size],
					message: 'expected a number of rooms',
				});
				return z.NEVER;
			}
			rooms.push({ meeting_capacity: /^\d+$/.test(size) ? Number(size) : size, rooms: parsed.data });
		}
		rooms.sort((a, b) => sizeOrder(a.meeting_capacity) - sizeOrder(b.meeting_capacity));
		return { ...data, rooms_per_capacity: rooms };
	});

function sizeOrder(size: number | string): number {
	return typeof size === 'number' ? size : Number.POSITIVE_INFINITY;
}
