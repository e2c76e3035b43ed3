import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { MAX_MEETING_MINUTES } from '../../helpers/fieldSchemas';
import type { z } from 'zod';

import { serviceTimeToIso } from '../../helpers/time';
import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { capacityField, startTimeField } from '../meeting/shared/meetingFields';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { freeRoomCount } from './answers';
import { checkAvailabilitySchema } from './checkAvailability.schema';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	capacityField(
		'How many participants the meeting needs; the service counts the rooms of the size such a meeting takes',
	),
	startTimeField(
		'When the meeting would start. A time without an offset (as the date picker gives) is meant in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.plus(1, "day") }}, is that instant whatever the zones. Also accepts "yyyy-MM-dd HH:mm:ss".',
	),
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		required: true,
		default: 60,
		typeOptions: { minValue: 31, maxValue: MAX_MEETING_MINUTES, numberPrecision: 0 },
		description:
			'How long the room is needed, in whole minutes; UMeeting requires more than 30; at most a day (1440)',
	},
	timeZoneField(
		"Zone in which a Start Time without an offset is meant, and in which the output's times are shown. The node asks UMeeting about the same instant written in the service's zone (set in the credential).",
	),
];

export const description = displayFor(
	{ show: { resource: ['room'], operation: ['checkAvailability'] } },
	fields,
);

/**
 * One output item per input item: `available` is true when at least one room is free for the
 * whole time, so an IF node can branch on it as a boolean without an expression of its own. Beside
 * it come the service's counts (`total`, `free`) and the request as Schedule reads it
 * (`meeting_capacity`, `duration`, `start_time_iso` with its offset), so a Schedule node after the
 * IF can take its fields from this item by drag and drop.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { form, zones, meetingCapacity, duration } = parseParameters(
		this,
		checkAvailabilitySchema,
		{
			meetingCapacity: run.parameter('meetingCapacity', itemIndex),
			startTime: run.parameter('startTime', itemIndex),
			duration: run.parameter('duration', itemIndex),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	return async () => {
		const rooms: z.output<typeof freeRoomCount> = await callUMeeting.call(this, {
			endpoint: 'share/freeRooms',
			form,
			itemIndex,
			data: freeRoomCount,
		});
		return jsonItems({
			...rooms,
			available: rooms.free > 0,
			meeting_capacity: meetingCapacity,
			duration,
			start_time: form.start_time,
			start_time_iso: serviceTimeToIso(form.start_time, zones),
			end_time_iso: serviceTimeToIso(form.start_time, zones, duration),
			time_zone: zones.item,
		});
	};
}
