import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { roomUsageSchema } from './getRoomUsage.schema';
import { instantOf, roomUsagePage, withIsoTimes } from './shared/answers';
import { reportTimeZoneField, roomFiltersField } from './shared/fields';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { readPages } from './shared/pages';
import { readReportParameters } from './shared/parameters';
import { exactPeriodField, inPeriod, periodFields } from './shared/period';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	...periodFields(false),
	exactPeriodField,
	...returnAllFields(),
	roomFiltersField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Include Participants',
				name: 'showParticipants',
				type: 'boolean',
				default: false,
				description:
					'Whether each meeting lists its participants with their join and leave times (participants, with join_time_iso and leave_time_iso)',
			},
			{
				displayName: 'Include Phone Calls',
				name: 'showTelephonyUsage',
				type: 'boolean',
				default: false,
				description:
					'Whether each meeting lists the phone calls made for it: number, call type, start and end, minutes and cost (telephony_usage)',
			},
		],
	},
	reportTimeZoneField,
];

export const description = displayFor(
	{ show: { resource: ['report'], operation: ['getRoomUsage'] } },
	fields,
);

const ENDPOINT = 'share/detail';

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { form, zones, period, exactPeriod, wanted } = parseParameters(
		this,
		roomUsageSchema,
		{
			...readReportParameters(this, itemIndex, run),
			exactPeriod: run.parameter('exactPeriod', itemIndex, true),
			filters: run.parameter('filters', itemIndex, {}),
			additionalFields: run.parameter('additionalFields', itemIndex, {}),
		},
		description,
		itemIndex,
	);
	return async () => {
		const { rows } = await readPages(this, {
			endpoint: ENDPOINT,
			form,
			itemIndex,
			data: roomUsagePage,
			rows: (page) => page.meetings,
			identity: (row) => row.uuid ?? `${row.meeting_id} ${row.start_time ?? ''}`,
			keep: (row) => inPeriod(instantOf(row.start_time, zones), period, exactPeriod),
			wanted,
		});
		return jsonItems(
			rows.map((row) => {
				const json = withIsoTimes(row as IDataObject, ['start_time', 'end_time'], zones);
				if (row.participants) {
					json.participants = row.participants.map((person) =>
						withIsoTimes(person as IDataObject, ['join_time', 'leave_time'], zones),
					);
				}
				if (row.telephony_usage) {
					json.telephony_usage = row.telephony_usage.map((call) =>
						withIsoTimes(call as IDataObject, ['start_time', 'end_time'], zones),
					);
				}
				json.time_zone = zones.item;
				return json;
			}),
		);
	};
}
