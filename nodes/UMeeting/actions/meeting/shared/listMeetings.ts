import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { text, timeZoneChoice, wholeNumber } from '../../../helpers/fieldSchemas';
import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import { meetingPage, presentMeeting } from './answers';
import { ANSWER_TIMES, timeZoneField } from './timeZone.field';
import { itemZone, zoneChoice } from './zone';

/** The page size the manual documents as the default; the node follows the pages it reports. */
export const PAGE_SIZE = 30;

const listSchema = z.object({
	returnAll: z.boolean().default(false),
	limit: wholeNumber({ min: 1 }),
	filters: z
		.object({ userKey: text({ maxBytes: 200 }).optional() })
		.strict()
		.default({}),
	timeZone: timeZoneChoice,
});

/**
 * Get Many (scheduled and running meetings) and Get History (cancelled and ended ones) read two
 * endpoints with the same paging: one output item per meeting, following every page for Return
 * All, or stopping at Limit.
 */
export function listMeetingsOperation(spec: { operation: string; endpoint: string; what: string }) {
	const fields: INodeProperties[] = [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
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
	];
	const description = updateDisplayOptions(
		{ show: { resource: ['meeting'], operation: [spec.operation] } },
		fields,
	);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false);
		const { limit, filters } = parseParameters(
			this,
			listSchema,
			{
				returnAll,
				limit: returnAll ? 1 : this.getNodeParameter('limit', itemIndex, 50),
				filters: this.getNodeParameter('filters', itemIndex, {}),
				timeZone: zoneChoice(this, itemIndex),
			},
			description,
			itemIndex,
		);
		const wanted = returnAll ? Number.POSITIVE_INFINITY : limit;
		const zone = itemZone(this, itemIndex);
		const meetings: IDataObject[] = [];
		for (let page = 1; meetings.length < wanted; page++) {
			const form: Record<string, string> = { page_size: String(PAGE_SIZE), page_number: String(page) };
			if (filters.userKey) form.user_key = filters.userKey;
			const answer = await callUMeeting.call(this, {
				endpoint: spec.endpoint,
				form,
				itemIndex,
				data: meetingPage,
			});
			meetings.push(
				...answer.meetings.map((meeting: Record<string, unknown>) => presentMeeting(meeting, zone)),
			);
			const more = answer.has_next_page ?? answer.page_num < answer.total_page;
			if (!more || answer.meetings.length === 0) break;
		}
		return meetings.slice(0, wanted);
	}

	return { description, execute };
}
