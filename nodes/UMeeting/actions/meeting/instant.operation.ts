import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { INSTANT_OPTIONS, instantSchema } from './instant.schema';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { createdMeeting, presentMeeting, withoutHostSecrets } from './shared/answers';
import { hostSecretsFields, includeHostSecrets } from './shared/hostSecrets.field';
import { capacityField, topicField } from './shared/meetingFields';
import { meetingOptionFields } from './shared/meetingOptions.fields';
import { ANSWER_TIMES, timeZoneField } from './shared/timeZone.field';
import { readZones } from './shared/zones';

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
	...hostSecretsFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['createInstant'] } },
	fields,
);

export const changesMeetings = true;

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const parameters = {
		topic: this.getNodeParameter('topic', itemIndex),
		meetingCapacity: this.getNodeParameter('meetingCapacity', itemIndex),
		...readZones(this, itemIndex, run),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
	};
	const { form, zones } = parseParameters(this, instantSchema, parameters, description, itemIndex);
	const keepSecrets = includeHostSecrets(this, itemIndex, run);
	return async () => {
		const meeting = await callUMeeting.call(this, {
			endpoint: 'share/instant',
			form,
			itemIndex,
			data: createdMeeting,
		});
		const duration = form.duration === undefined ? undefined : Number(form.duration);
		const json = presentMeeting(meeting, zones, { duration });
		return jsonItems(keepSecrets ? json : withoutHostSecrets(json));
	};
}
