import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { scheduleSchema } from './schedule.schema';
import { createdMeeting, presentMeeting } from './shared/answers';
import { meetingOptionFields } from './shared/meetingOptions.fields';
import { capacityField, recurrenceField, topicField } from './shared/meetingFields';
import { timeZoneField } from './shared/timeZone.field';
import { itemZone, zoneChoice } from './shared/zone';

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
			'When the meeting starts. A time without an offset (as the date picker gives) is read in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.plus(1, "day") }}, is converted into that zone. Also accepts "yyyy-MM-dd HH:mm:ss".',
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
		"Zone in which the start time (and a recurrence end date) is sent, as UMeeting reads times without a zone, and in which the answer's times are given back as ISO 8601.",
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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['schedule'] } },
	fields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parameters = {
		topic: this.getNodeParameter('topic', itemIndex),
		meetingCapacity: this.getNodeParameter('meetingCapacity', itemIndex),
		startTime: this.getNodeParameter('startTime', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex),
		timeZone: zoneChoice(this, itemIndex),
		workflowTimeZone: this.getTimezone(),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
		recurrence: this.getNodeParameter('recurrence', itemIndex, {}),
	};
	const form = parseParameters(this, scheduleSchema, parameters, description, itemIndex);
	const meeting = await callUMeeting.call(this, {
		endpoint: 'share/schedule',
		form,
		itemIndex,
		data: createdMeeting,
	});
	return presentMeeting(meeting, itemZone(this, itemIndex));
}
