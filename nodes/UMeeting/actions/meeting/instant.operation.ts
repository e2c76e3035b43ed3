import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { INSTANT_OPTIONS, instantSchema } from './instant.schema';
import { createdMeeting, presentMeeting } from './shared/answers';
import { capacityField, topicField } from './shared/meetingFields';
import { meetingOptionFields } from './shared/meetingOptions.fields';
import { ANSWER_TIMES, timeZoneField } from './shared/timeZone.field';
import { itemZone, zoneChoice } from './shared/zone';

const fields: INodeProperties[] = [
	{ ...topicField, placeholder: 'e.g. Incident bridge' },
	capacityField('How many participants the meeting room admits (at least 1)'),
	timeZoneField(ANSWER_TIMES),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: meetingOptionFields(INSTANT_OPTIONS, [
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 31, numberPrecision: 0 },
				description: 'Planned length in whole minutes; UMeeting requires more than 30',
			},
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['createInstant'] } },
	fields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parameters = {
		topic: this.getNodeParameter('topic', itemIndex),
		meetingCapacity: this.getNodeParameter('meetingCapacity', itemIndex),
		timeZone: zoneChoice(this, itemIndex),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
	};
	const form = parseParameters(this, instantSchema, parameters, description, itemIndex);
	const meeting = await callUMeeting.call(this, {
		endpoint: 'share/instant',
		form,
		itemIndex,
		data: createdMeeting,
	});
	return presentMeeting(meeting, itemZone(this, itemIndex));
}
