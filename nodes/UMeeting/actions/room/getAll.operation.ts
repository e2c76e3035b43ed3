import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { wholeNumber } from '../../helpers/fieldSchemas';
import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { presentMeeting, withoutHostSecrets } from '../../meetings/answers';
import { hostSecretsFields, includeHostSecrets } from '../meeting/shared/hostSecrets.field';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { zoneParameters, zonesOf } from '../../meetings/zones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { roomList } from './answers';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	...returnAllFields(),
	timeZoneField(
		"Zone in which the times of each room's meetings are shown: start_time_iso and end_time_iso carry its offset, time_zone its name.",
	),
	...hostSecretsFields,
];

export const description = displayFor({ show: { resource: ['room'], operation: ['getAll'] } }, fields);

const roomsSchema = z.object({
	returnAll: z.boolean().default(false),
	limit: wholeNumber({ min: 1 }),
	...zoneParameters,
});

/**
 * share/rooms answers every room at once (it takes no paging parameters): one output item per
 * room, with the meetings booked or running in it, each shaped as Meeting → Get shapes a meeting.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const returnAll = run.parameter('returnAll', itemIndex, false);
	const { limit, ...zoneValues } = parseParameters(
		this,
		roomsSchema,
		{
			returnAll,
			limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	const zones = zonesOf(zoneValues);
	const keepSecrets = includeHostSecrets(itemIndex, run);
	return async () => {
		const rooms: z.output<typeof roomList> = await callUMeeting.call(this, {
			endpoint: 'share/rooms',
			form: {},
			itemIndex,
			data: roomList,
		});
		const shaped = rooms.map((room): IDataObject => {
			const meetings = room.meetings.map((meeting) => {
				const json = presentMeeting({ meeting_id: meeting.id, ...meeting }, zones);
				return keepSecrets ? json : withoutHostSecrets(json);
			});
			// The manual gives a room's id as its host id: the host_id of the meetings booked in it.
			return {
				host_id: room.id,
				...(room as IDataObject),
				meetings,
				meeting_count: meetings.length,
				time_zone: zones.item,
			};
		});
		return jsonItems(returnAll ? shaped : shaped.slice(0, limit));
	};
}
