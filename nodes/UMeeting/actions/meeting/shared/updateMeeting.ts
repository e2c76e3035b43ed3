import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import type { RunInfo, Send } from '../../operation';
import { meetingDetails, noData, presentMeeting } from '../../../meetings/answers';
import { type MeetingFamily, startZoneText } from './family';
import { attachInvitation, invitationFields, invitationTarget, meetingFacts } from './invitation';
import { recurrenceField } from './meetingFields';
import { meetingLocator } from './meetingLocator';
import type { MeetingOption } from './meetingOptions.schema';
import { meetingOptionFields } from './meetingOptions.fields';
import type { updateSchemaFor } from './updateMeeting.schema';
import { timeZoneField } from '../../../meetings/timeZone.field';
import { readZones } from '../../readZones';

const RECURRENCE_CHANGE: INodeProperties = {
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
};

/**
 * Update of a meeting family, through `${prefix}/update`. The service needs the start time and the
 * duration on every update (the personal endpoint the topic as well, `topicRequired`): the ones the
 * user leaves out are read from the meeting first (`${prefix}/get`) and sent unchanged.
 */
export function updateOperation(
	family: MeetingFamily,
	spec: {
		options: readonly MeetingOption[];
		topicRequired: boolean;
		schema: ReturnType<typeof updateSchemaFor>;
	},
) {
	const fields: INodeProperties[] = [
		meetingLocator({
			listed: family.listed,
			description: family.series
				? 'The meeting to change. For a recurring meeting the change applies to the whole series.'
				: 'The meeting to change',
		}),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: `What to change. UMeeting needs ${spec.topicRequired ? 'the topic, ' : ''}the start time and the duration on every update: the ones you leave out are read from the meeting first and kept.`,
			options: meetingOptionFields(spec.options, [
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
		timeZoneField(startZoneText(family, 'a new Start Time')),
		...(family.series
			? [RECURRENCE_CHANGE, recurrenceField({ displayOptions: { show: { recurrenceChange: ['set'] } } })]
			: []),
		...invitationFields('invitation'),
	];

	const description = updateDisplayOptions(
		{ show: { resource: [family.resource], operation: ['update'] } },
		fields,
	);

	/** What the endpoint needs on every update, in the words of an error. */
	const needed = spec.topicRequired
		? { words: 'topic, start time and duration', fields: 'Topic, Start Time and Duration (Minutes)' }
		: { words: 'start time and duration', fields: 'both Start Time and Duration (Minutes)' };
	const getEndpoint = `${family.prefix}/get`;

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const parameters = {
			meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
			updateFields: run.parameter('updateFields', itemIndex, {}),
			...readZones(this, itemIndex, run),
			...(family.series
				? {
						recurrenceChange: run.parameter('recurrenceChange', itemIndex, 'keep'),
						recurrence: run.parameter('recurrence', itemIndex, {}),
					}
				: {}),
		};
		// Everything the user gave is checked before anything is sent, the meeting read included.
		const checked = parseParameters(this, spec.schema, parameters, description, itemIndex);
		const invitation = invitationTarget(run, itemIndex);
		return async () => {
			let { form } = checked;
			const missing = (spec.topicRequired && form.topic === undefined) || form.start_time === undefined;
			if (missing || form.duration === undefined) {
				const meeting = await callUMeeting.call(this, {
					endpoint: getEndpoint,
					form: { meeting_id: form.id },
					itemIndex,
					data: meetingDetails,
				});
				const { start_time, duration, topic } = meeting;
				const topicKnown = !spec.topicRequired || typeof topic === 'string';
				if (typeof start_time !== 'string' || typeof duration !== 'number' || !topicKnown) {
					throw new NodeOperationError(
						this.getNode(),
						`UMeeting did not give the current ${needed.words} of meeting ${form.id}`,
						{
							itemIndex,
							description: `Set ${needed.fields} in Update Fields; the service needs them on every update. Nothing was changed.`,
						},
					);
				}
				const current = { start_time, duration, ...(spec.topicRequired ? { topic } : {}) };
				form = parseParameters(this, spec.schema, { ...parameters, current }, description, itemIndex).form;
			}
			await callUMeeting.call(this, { endpoint: `${family.prefix}/update`, form, itemIndex, data: noData });
			// The password is the meeting's, not something this run needs to pass on.
			const { id, ...changed } = form;
			delete changed.password;
			const item = {
				json: presentMeeting({ success: true, meeting_id: id, ...changed }, checked.zones, {
					duration: Number(changed.duration),
				}),
			};
			if (!invitation) return [item];
			// The updated meeting as the service now holds it: topic, join URL and password for the file.
			const meeting = await callUMeeting.call(this, {
				endpoint: getEndpoint,
				form: { meeting_id: id },
				itemIndex,
				data: meetingDetails,
			});
			const facts = meetingFacts(this, { ...meeting, start_time: form.start_time }, itemIndex);
			if (form.recurrence_type !== undefined) facts.recurrenceSource = form;
			return [await attachInvitation(this, item, invitation, facts, checked.zones.service)];
		};
	}

	return { description, prepare };
}
