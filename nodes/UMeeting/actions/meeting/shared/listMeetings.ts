import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { text, wholeNumber } from '../../../helpers/fieldSchemas';
import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import { jsonItems, type RunInfo, type Send } from '../../operation';
import { meetingPage, presentMeeting, withoutHostSecrets } from '../../../meetings/answers';
import { hostSecretsFields, includeHostSecrets } from './hostSecrets.field';
import { hasNextPage, PAGE_SIZE, PageGuard } from '../../../meetings/paging';
import { ANSWER_TIMES, timeZoneField } from '../../../meetings/timeZone.field';
import { readZones } from '../../readZones';
import { zoneParameters, zonesOf } from '../../../meetings/zones';
import { returnAllFields } from './returnAll.fields';
import { displayFor } from '../../../helpers/displayFor';

const listSchema = z.object({
	returnAll: z.boolean().default(false),
	limit: wholeNumber({ min: 1 }),
	filters: z
		.object({ userKey: text({ maxBytes: 200 }).optional() })
		.strict()
		.default({}),
	...zoneParameters,
});

/**
 * Get Many (scheduled and running meetings) and Get History (cancelled and ended ones) read two
 * endpoints with the same paging: one output item per meeting, following every page for Return
 * All, or stopping at Limit.
 */
export function listMeetingsOperation(spec: { operation: string; endpoint: string; what: string }) {
	const fields: INodeProperties[] = [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'User Key',
					name: 'userKey',
					type: 'string',
					default: '',
					description: `Only ${spec.what} booked with this User Key`,
				},
			],
		},
		timeZoneField(ANSWER_TIMES),
		...hostSecretsFields,
	];
	const description = displayFor({ show: { resource: ['meeting'], operation: [spec.operation] } }, fields);

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const returnAll = run.parameter('returnAll', itemIndex, false);
		const { limit, filters, ...zoneValues } = parseParameters(
			this,
			listSchema,
			{
				returnAll,
				limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
				filters: run.parameter('filters', itemIndex, {}),
				...readZones(this, itemIndex, run),
			},
			description,
			itemIndex,
		);
		const zones = zonesOf(zoneValues);
		const keepSecrets = includeHostSecrets(itemIndex, run);
		const wanted = returnAll ? Number.POSITIVE_INFINITY : limit;
		return async () => {
			const meetings: IDataObject[] = [];
			const pages = new PageGuard(this.getNode(), spec.endpoint, itemIndex);
			for (let page = 1; meetings.length < wanted; page++) {
				const form: Record<string, string> = { page_size: String(PAGE_SIZE), page_number: String(page) };
				if (filters.userKey) form.user_key = filters.userKey;
				const answer = await callUMeeting.call(this, {
					endpoint: spec.endpoint,
					form,
					itemIndex,
					data: meetingPage,
				});
				const more = hasNextPage(answer);
				pages.check(answer.meetings, more);
				for (const meeting of answer.meetings as Array<Record<string, unknown>>) {
					const json = presentMeeting({ meeting_id: meeting.id, ...meeting }, zones);
					meetings.push(keepSecrets ? json : withoutHostSecrets(json));
				}
				if (!more) break;
			}
			return jsonItems(meetings.slice(0, wanted));
		};
	}

	return { description, prepare };
}
