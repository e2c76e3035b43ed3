import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { meetingHistorySchema } from './getMeetingHistory.schema';
import { historyList, instantOf, withIsoTimes } from './shared/answers';
import { reportTimeZoneField } from './shared/fields';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { readReportParameters } from './shared/parameters';
import { exactPeriodField, inPeriod, periodFields } from './shared/period';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	...periodFields(true),
	exactPeriodField,
	...returnAllFields(),
	reportTimeZoneField,
];

export const description = displayFor(
	{ show: { resource: ['report'], operation: ['getMeetingHistory'] } },
	fields,
);

const ENDPOINT = 'share/hisMeeting';

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { form, zones, period, exactPeriod, wanted } = parseParameters(
		this,
		meetingHistorySchema,
		{
			...readReportParameters(this, itemIndex, run),
			exactPeriod: run.parameter('exactPeriod', itemIndex, true),
		},
		description,
		itemIndex,
	);
	return async () => {
		// The service answers the whole period at once; Limit only shortens the output.
		const rows: z.output<typeof historyList> = await callUMeeting.call(this, {
			endpoint: ENDPOINT,
			form,
			itemIndex,
			data: historyList,
		});
		const kept = rows
			.filter((row) => inPeriod(instantOf(row.start_time, zones), period, exactPeriod))
			.slice(0, wanted);
		return jsonItems(
			kept.map((row) => ({
				meeting_id: row.id,
				...withIsoTimes(row as IDataObject, ['start_time', 'end_time'], zones),
				time_zone: zones.item,
			})),
		);
	};
}
