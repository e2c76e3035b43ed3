import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { scheduleSchema } from './schedule.schema';
import type { RunInfo, Send } from '../operation';
import { createdMeeting, presentMeeting, withoutHostSecrets } from './shared/answers';
import { hostSecretsFields, includeHostSecrets } from './shared/hostSecrets.field';
import { attachInvitation, invitationFields, invitationTarget } from './shared/invitation';
import { meetingOptionFields } from './shared/meetingOptions.fields';
import { capacityField, recurrenceField, topicField } from './shared/meetingFields';
import { timeZoneField } from './shared/timeZone.field';
import { readZones } from './shared/zones';

const fields: INodeProperties[] = [
	topicField,
	capacityField('How many participants the meeting room admits (at least 1)'),
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the meeting starts. A time without an offset (as the date picker gives) is meant in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.plus(1, "day") }}, is that instant whatever the zones. Also accepts "yyyy-MM-dd HH:mm:ss".',
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		required: true,
		default: 60,
		typeOptions: { minValue: 31, numberPrecision: 0 },
		description: 'Length of the meeting in whole minutes; UMeeting requires more than 30',
	},
	timeZoneField(
		"Zone in which a Start Time (and a recurrence End Date) without an offset is meant, and in which the output's times are shown. The node sends UMeeting the same instant written in the service's zone (set in the credential).",
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: meetingOptionFields([
			'allowLiveStreaming',
			'enableWebinar',
			'hostName',
			'hostVideo',
			'muteUponEntry',
			'participantsVideo',
			'password',
			'recording',
			'usePmi',
			'userKey',
			'waitingRoom',
		]),
	},
	recurrenceField({ description: 'Make this a recurring meeting series; leave empty for a single meeting' }),
	...invitationFields('invitation'),
	...hostSecretsFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['schedule'] } },
	fields,
);

export const changesMeetings = true;

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const parameters = {
		topic: this.getNodeParameter('topic', itemIndex),
		meetingCapacity: this.getNodeParameter('meetingCapacity', itemIndex),
		startTime: this.getNodeParameter('startTime', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex),
		...readZones(this, itemIndex, run),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
		recurrence: this.getNodeParameter('recurrence', itemIndex, {}),
	};
	const { form, zones } = parseParameters(this, scheduleSchema, parameters, description, itemIndex);
	const keepSecrets = includeHostSecrets(this, itemIndex, run);
	const invitation = invitationTarget(this, itemIndex);
	return async () => {
		const meeting = await callUMeeting.call(this, {
			endpoint: 'share/schedule',
			form,
			itemIndex,
			data: createdMeeting,
		});
		const duration = Number(form.duration);
		const json = presentMeeting(meeting, zones, { start_time: form.start_time, duration });
		const item = { json: keepSecrets ? json : withoutHostSecrets(json) };
		if (!invitation) return [item];
		const facts = {
			meetingId: meeting.meeting_id,
			topic: form.topic,
			joinUrl: meeting.join_url,
			password: form.password,
			start: form.start_time,
			durationMinutes: duration,
			recurrenceSource: form,
		};
		return [await attachInvitation(this, item, invitation, facts, zones.service)];
	};
}
