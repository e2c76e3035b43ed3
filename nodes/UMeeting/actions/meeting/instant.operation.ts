import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { INSTANT_OPTIONS, instantSchema } from './instant.schema';
import { readServiceTime } from '../../helpers/time';
import type { RunInfo, Send } from '../operation';
import { createdMeeting, presentMeeting, withoutHostSecrets } from './shared/answers';
import { hostSecretsFields, includeHostSecrets } from './shared/hostSecrets.field';
import { attachInvitation, invitationFields, invitationTarget } from './shared/invitation';
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
	...invitationFields('invitation'),
	...hostSecretsFields,
];

const INSTANT_DEFAULT_MINUTES = 60;

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
	const invitation = invitationTarget(this, itemIndex);
	return async () => {
		const meeting = await callUMeeting.call(this, {
			endpoint: 'share/instant',
			form,
			itemIndex,
			data: createdMeeting,
		});
		// The manual names no default length for an instant meeting: an hour is assumed.
		const duration = form.duration === undefined ? INSTANT_DEFAULT_MINUTES : Number(form.duration);
		const json = presentMeeting(meeting, zones, { duration });
		const item = { json: keepSecrets ? json : withoutHostSecrets(json) };
		const start = typeof meeting.start_time === 'string' ? meeting.start_time : undefined;
		if (!invitation || !start || !readServiceTime(start, zones.service)) return [item];
		const facts = {
			meetingId: meeting.meeting_id,
			topic: form.topic,
			joinUrl: meeting.join_url,
			start,
			durationMinutes: duration,
		};
		return [await attachInvitation(this, item, invitation, facts, zones.service)];
	};
}
