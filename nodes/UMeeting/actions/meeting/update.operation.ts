import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import type { RunInfo, Send } from '../operation';
import { meetingDetails, noData, presentMeeting } from './shared/answers';
import { attachInvitation, invitationFields, invitationTarget, meetingFacts } from './shared/invitation';
import { meetingLocator } from './shared/meetingLocator';
import { meetingOptionFields } from './shared/meetingOptions.fields';
import { recurrenceField } from './shared/meetingFields';
import { timeZoneField } from './shared/timeZone.field';
import { readZones } from './shared/zones';
import { UPDATE_OPTIONS, updateSchema } from './update.schema';

const fields: INodeProperties[] = [
	meetingLocator({
		description: 'The meeting to change. For a recurring meeting the change applies to the whole series.',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'What to change. UMeeting needs the start time and the duration on every update: the ones you leave out are read from the meeting first and kept.',
		options: meetingOptionFields(UPDATE_OPTIONS, [
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				description: 'New subject of the meeting',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					'New start, read in the Time Zone below when it has no offset (an ISO time with an offset or a DateTime is converted into that zone)',
			},
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 31, numberPrecision: 0 },
				description: 'New length in whole minutes; UMeeting requires more than 30',
			},
		]),
	},
	timeZoneField(
		"Zone in which a new Start Time (and a recurrence End Date) without an offset is meant, and in which the output's times are shown.",
	),
	{
		displayName: 'Recurrence Change',
		name: 'recurrenceChange',
		type: 'options',
		default: 'keep',
		options: [
			{
				name: 'Keep As It Is',
				value: 'keep',
				description: 'Leave the recurrence (or its absence) unchanged',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Turn a recurring series into a single meeting',
			},
			{
				name: 'Set',
				value: 'set',
				description: 'Make the meeting recurring, or replace its recurrence',
			},
		],
	},
	recurrenceField({ displayOptions: { show: { recurrenceChange: ['set'] } } }),
	...invitationFields('invitation'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['update'] } },
	fields,
);

export const changesMeetings = true;

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const parameters = {
		meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }),
		updateFields: this.getNodeParameter('updateFields', itemIndex, {}),
		...readZones(this, itemIndex, run),
		recurrenceChange: this.getNodeParameter('recurrenceChange', itemIndex, 'keep'),
		recurrence: this.getNodeParameter('recurrence', itemIndex, {}),
	};
	// Everything the user gave is checked before anything is sent, the meeting read included.
	const checked = parseParameters(this, updateSchema, parameters, description, itemIndex);
	const invitation = invitationTarget(this, itemIndex);
	return async () => {
		let { form } = checked;
		if (form.start_time === undefined || form.duration === undefined) {
			const meeting = await callUMeeting.call(this, {
				endpoint: 'share/get',
				form: { meeting_id: form.id },
				itemIndex,
				data: meetingDetails,
			});
			if (typeof meeting.start_time !== 'string' || typeof meeting.duration !== 'number') {
				throw new NodeOperationError(
					this.getNode(),
					`UMeeting did not give the current start time and duration of meeting ${form.id}`,
					{
						itemIndex,
						description:
							'Set both Start Time and Duration (Minutes) in Update Fields; the service needs them on every update. Nothing was changed.',
					},
				);
			}
			const current = { start_time: meeting.start_time, duration: meeting.duration };
			form = parseParameters(this, updateSchema, { ...parameters, current }, description, itemIndex).form;
		}
		await callUMeeting.call(this, { endpoint: 'share/update', form, itemIndex, data: noData });
		// The password is the meeting's, not something this run needs to pass on.
		const { id, password: _password, ...changed } = form;
		const item = {
			json: presentMeeting({ success: true, meeting_id: id, ...changed }, checked.zones, {
				duration: Number(changed.duration),
			}),
		};
		if (!invitation) return [item];
		// The updated meeting as the service now holds it: topic, join URL and password for the file.
		const meeting = await callUMeeting.call(this, {
			endpoint: 'share/get',
			form: { meeting_id: id },
			itemIndex,
			data: meetingDetails,
		});
		const facts = meetingFacts(this, { ...meeting, start_time: form.start_time }, itemIndex);
		if (form.recurrence_type !== undefined) facts.recurrenceSource = form;
		return [await attachInvitation(this, item, invitation, facts, checked.zones.service)];
	};
}
