import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { meetingDetails, presentMeeting } from './shared/answers';
import { lookupSchema } from './shared/lookup.schema';
import { meetingLocator } from './shared/meetingLocator';
import { ANSWER_TIMES, timeZoneField } from './shared/timeZone.field';
import { itemZone, zoneChoice } from './shared/zone';

const fields: INodeProperties[] = [
	meetingLocator({ description: 'The meeting to read' }),
	timeZoneField(ANSWER_TIMES),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['get'] } },
	fields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { meetingId } = parseParameters(
		this,
		lookupSchema,
		{
			meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }),
			timeZone: zoneChoice(this, itemIndex),
		},
		description,
		itemIndex,
	);
	const meeting = await callUMeeting.call(this, {
		endpoint: 'share/get',
		form: { meeting_id: meetingId },
		itemIndex,
		data: meetingDetails,
	});
	return presentMeeting(meeting, itemZone(this, itemIndex));
}
