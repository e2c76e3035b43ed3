import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TimeZones } from '../../helpers/time';
import { parseParameters } from '../../helpers/validation';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { roomSummarySchema } from './getRoomSummary.schema';
import { roomSummaryPage } from './shared/answers';
import { reportTimeZoneField, roomFiltersField } from './shared/fields';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { readPages } from './shared/pages';
import { readReportParameters } from './shared/parameters';
import { periodFields, serviceDay } from './shared/period';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	...periodFields(false),
	...returnAllFields(
		'Counts the rooms listed in the one summary item; its totals cover every room of the report whatever the Limit.',
	),
	roomFiltersField,
	reportTimeZoneField,
];

export const description = displayFor(
	{ show: { resource: ['report'], operation: ['getRoomSummary'] } },
	fields,
);

const ENDPOINT = 'share/summary';

/** Paging fields of the first page, which mean nothing once the pages are joined. */
const PAGING = [
	'page_number',
	'page_num',
	'page_size',
	'total_page',
	'total_record',
	'has_next_page',
	'has_previous_page',
	'rooms',
];

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { form, zones, wanted } = parseParameters(
		this,
		roomSummarySchema,
		{
			...readReportParameters(this, itemIndex, run),
			filters: run.parameter('filters', itemIndex, {}),
		},
		description,
		itemIndex,
	);
	return async () => {
		const { first, rows } = await readPages(this, {
			endpoint: ENDPOINT,
			form,
			itemIndex,
			data: roomSummaryPage,
			rows: (page) => page.rooms,
			identity: (room) => room.host_id,
			wanted,
		});
		const summary: IDataObject = {};
		for (const [key, value] of Object.entries(first)) {
			if (!PAGING.includes(key)) summary[key] = value as IDataObject[string];
		}
		const from = first.from ?? form.from;
		const to = first.to ?? form.to;
		return jsonItems({
			...summary,
			...periodIso(from, to, zones),
			total_rooms: first.total_record ?? rows.length,
			rooms: rows as IDataObject[],
			time_zone: zones.item,
		});
	};
}

/** The service days the totals cover, as the instants they start and end in the item zone. */
function periodIso(from: string | null | undefined, to: string | null | undefined, zones: TimeZones) {
	if (!from || !to) return {};
	const start = serviceDay(from, zones.service);
	const end = serviceDay(to, zones.service).plus({ days: 1 });
	if (!start.isValid || !end.isValid) return {};
	return {
		period_start_iso: start.setZone(zones.item).toISO({ suppressMilliseconds: true }),
		period_end_iso: end.setZone(zones.item).toISO({ suppressMilliseconds: true }),
	};
}
