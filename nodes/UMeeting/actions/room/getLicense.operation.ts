import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { anyServiceTimeToIso, type TimeZones } from '../../helpers/time';
import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { zoneParameters, zonesOf } from '../../meetings/zones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { license, PAY_TYPES } from './answers';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	timeZoneField(
		"Zone in which the license's expiry is shown: expire_date_iso carries its offset, time_zone its name.",
	),
];

export const description = displayFor({ show: { resource: ['room'], operation: ['getLicense'] } }, fields);

const licenseSchema = z.object(zoneParameters);

/**
 * licensing: one item with the billing type (`payType` as answered, `pay_type_name` beside it), the
 * expiry (`expire_date` as answered, `expire_date_iso` in the item zone, null for a license without
 * an end) and the rooms per size (`capacity` as answered; `rooms_per_capacity` a list smallest
 * first, and `total_rooms`).
 */
export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const zones = zonesOf(
		parseParameters(this, licenseSchema, readZones(this, itemIndex, run), description, itemIndex),
	);
	return async () => {
		const answer: z.output<typeof license> = await callUMeeting.call(this, {
			endpoint: 'licensing',
			form: {},
			itemIndex,
			data: license,
		});
		const payType = answer.payType ?? null;
		return jsonItems({
			...(answer as IDataObject),
			payType,
			pay_type_name: payType === null ? null : (PAY_TYPES[payType] ?? 'unknown'),
			expire_date: answer.expire_date ?? null,
			expire_date_iso: expiryToIso(answer.expire_date, zones),
			time_zone: zones.item,
			rooms_per_capacity: answer.rooms_per_capacity,
			total_rooms: answer.rooms_per_capacity.reduce((sum, size) => sum + size.rooms, 0),
		});
	};
}

/**
 * The expiry as ISO 8601 in the item zone. A service time (or a date alone, read as its first
 * moment) is in the service zone; a text with its own offset is that instant; a number is read as
 * milliseconds since 1970, or seconds when too small for milliseconds. Null when there is none or
 * it cannot be read; expire_date keeps what was answered.
 */
function expiryToIso(value: string | number | null | undefined, zones: TimeZones): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') {
		const millis = Math.abs(value) < 1e11 ? value * 1000 : value;
		const instant = new Date(millis);
		if (Number.isNaN(instant.getTime())) return null;
		return anyServiceTimeToIso(instant.toISOString(), zones);
	}
	const text = value.trim();
	if (text === '') return null;
	return anyServiceTimeToIso(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} 00:00:00` : text, zones);
}
