import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { meetingMetricsSchema } from './getMeetingMetrics.schema';
import { durationSeconds, instantOf, metricsList, withIsoTimes } from './shared/answers';
import { reportTimeZoneField } from './shared/fields';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { readReportParameters } from './shared/parameters';
import { exactPeriodField, inPeriod, periodFields } from './shared/period';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	{
		displayName: 'Meeting State',
		name: 'meetingState',
		type: 'options',
		options: [
			{ name: 'Ended', value: 'ended', description: 'Meetings that have ended (sent as past)' },
			{ name: 'In Progress', value: 'live', description: 'Meetings running now (sent as live)' },
		],
		default: 'ended',
		description: 'Which meetings to list',
	},
	...periodFields(true),
	exactPeriodField,
	...returnAllFields(),
	reportTimeZoneField,
];

export const description = displayFor(
	{ show: { resource: ['report'], operation: ['getMeetingMetrics'] } },
	fields,
);

const ENDPOINT = 'metrics/meetings';

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { form, zones, period, exactPeriod, wanted } = parseParameters(
		this,
		meetingMetricsSchema,
		{
			meetingState: run.parameter('meetingState', itemIndex, 'ended'),
			...readReportParameters(this, itemIndex, run),
			exactPeriod: run.parameter('exactPeriod', itemIndex, true),
		},
		description,
		itemIndex,
	);
	return async () => {
		// The service answers the whole period at once; Limit only shortens the output.
		const rows: z.output<typeof metricsList> = await callUMeeting.call(this, {
			endpoint: ENDPOINT,
			form,
			itemIndex,
			data: metricsList,
		});
		const kept = rows
			.filter((row) => inPeriod(instantOf(row.start_time, zones), period, exactPeriod))
			.slice(0, wanted);
		return jsonItems(
			kept.map((row) => {
				const json: IDataObject = {
					meeting_id: row.id,
					...withIsoTimes(row as IDataObject, ['start_time', 'end_time'], zones),
				};
				// The service writes the length as a clock text ("03:55:08"); the output gives numbers
				// in the units of the other reports, and the text as it came.
				const seconds = durationSeconds(row.duration);
				if (typeof row.duration === 'string') json.duration_text = row.duration;
				if (seconds !== undefined) {
					json.duration = Math.ceil(seconds / 60);
					json.duration_seconds = seconds;
				} else {
					delete json.duration;
				}
				json.time_zone = zones.item;
				return json;
			}),
		);
	};
}
