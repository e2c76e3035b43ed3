import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { MAX_MEETING_MINUTES } from '../../../helpers/fieldSchemas';
import { NodeOperationError } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import type { RunInfo, Send } from '../../operation';
import { meetingDetails, noData, presentMeeting } from '../../../meetings/answers';
import { type MeetingFamily, startZoneText } from './family';
import type { TimeZones } from '../../../helpers/time';
import {
	attachInvitation,
	invitationFields,
	invitationTarget,
	meetingFacts,
	type InvitationTarget,
} from './invitation';
import { recurrenceField } from './meetingFields';
import { meetingLocator } from './meetingLocator';
import type { MeetingOption } from './meetingOptions.schema';
import { meetingOptionFields } from './meetingOptions.fields';
import { dayShift } from './recurrence.schema';
import type { updateSchemaFor } from './updateMeeting.schema';
import { timeZoneField } from '../../../meetings/timeZone.field';
import { readZones } from '../../readZones';
import { displayFor } from '../../../helpers/displayFor';

const RECURRENCE_CHANGE: INodeProperties = {
	displayName: 'Recurrence Change',
	name: 'recurrenceChange',
	type: 'options',
	default: 'keep',
	options: [
		{
			name: 'Keep As It Is',
			value: 'keep',
			description:
				'Leave the recurrence (or its absence) unchanged. A new start that would put a series on other days in the Time Zone below is refused, and no .ics file can be attached: UMeeting does not report recurrences.',
		},
		{
			name: 'Single Meeting',
			value: 'remove',
			description:
				'The meeting does not repeat: a series becomes a single meeting, a single meeting stays one',
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
					typeOptions: { minValue: 31, maxValue: MAX_MEETING_MINUTES, numberPrecision: 0 },
					description: 'New length in whole minutes; UMeeting requires more than 30; at most a day (1440)',
				},
			]),
		},
		timeZoneField(startZoneText(family, 'a new Start Time')),
		...(family.series
			? [RECURRENCE_CHANGE, recurrenceField({ displayOptions: { show: { recurrenceChange: ['set'] } } })]
			: []),
		...invitationFields('invitation'),
	];

	const description = displayFor({ show: { resource: [family.resource], operation: ['update'] } }, fields);

	/** What the endpoint needs on every update, in the words of an error. */
	const needed = spec.topicRequired
		? { words: 'topic, start time and duration', fields: 'Topic, Start Time and Duration (Minutes)' }
		: { words: 'start time and duration', fields: 'both Start Time and Duration (Minutes)' };
	const getEndpoint = `${family.prefix}/get`;

	/**
	 * Everything the write needs is read and checked here, before the router sends the first write
	 * of the run: an item found invalid only after its meeting is read changes no meeting, not even
	 * one of an earlier item.
	 */
	async function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Promise<Send> {
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
		const checked = parseParameters(this, spec.schema, parameters, description, itemIndex);
		const invitation = invitationTarget(this, run, itemIndex);
		const keepRecurrence = family.series && checked.recurrenceChange === 'keep';
		if (invitation && keepRecurrence) {
			// share/get reports no recurrence: the file would be one event under the UID of what
			// may be a whole series, and would replace that series in a calendar.
			throw new NodeOperationError(
				this.getNode(),
				`Invalid input in item ${itemIndex}: "Attach Invitation (.ics)" needs Recurrence Change "Set" or "Single Meeting"`,
				{
					itemIndex,
					description:
						'UMeeting does not report whether a meeting repeats, so with "Keep As It Is" the file could not say which meetings the service holds. Choose "Set" with the series\' rule, or "Single Meeting" for a meeting that does not repeat. Nothing was sent to UMeeting.',
				},
			);
		}
		let { form } = checked;
		const newStart = form.start_time;
		const missing =
			(spec.topicRequired && form.topic === undefined) ||
			newStart === undefined ||
			form.duration === undefined;
		// A kept series is checked against the start it has now, which only a read tells.
		const checkKept = keepRecurrence && newStart !== undefined;
		if (!missing && !checkKept) return write(this, itemIndex, form, checked.zones, invitation);

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
		if (checkKept) {
			refuseMovedSeries(this, itemIndex, form.id, start_time, newStart, checked.zones);
		}
		return write(this, itemIndex, form, checked.zones, invitation);
	}

	/** The update itself, then (for an invitation) the meeting as the service now holds it. */
	function write(
		context: IExecuteFunctions,
		itemIndex: number,
		form: Record<string, string>,
		zones: TimeZones,
		invitation: InvitationTarget | undefined,
	): Send {
		return async () => {
			await callUMeeting.call(context, {
				endpoint: `${family.prefix}/update`,
				form,
				itemIndex,
				data: noData,
			});
			// The password is the meeting's, not something this run needs to pass on.
			const { id, ...changed } = form;
			delete changed.password;
			const item = {
				json: presentMeeting({ success: true, meeting_id: id, ...changed }, zones, {
					duration: Number(changed.duration),
				}),
			};
			if (!invitation) return [item];
			// Topic, join URL and password for the file, as the service now holds them.
			const meeting = await callUMeeting.call(context, {
				endpoint: getEndpoint,
				form: { meeting_id: id },
				itemIndex,
				data: meetingDetails,
			});
			const facts = meetingFacts(context, { ...meeting, start_time: form.start_time }, itemIndex);
			if (form.host_name) facts.hostName = form.host_name;
			// Keep is refused with a file, so the form says the recurrence: Set's rule, or none.
			facts.recurrenceSource = form;
			return [await attachInvitation(context, item, invitation, facts, zones.service)];
		};
	}

	return { description, prepare };
}

/**
 * UMeeting keeps a series on the weekdays and day of the month of its own zone, however its start
 * moves. They stay the same days in the node's zone only while the start's date in the service
 * zone keeps its distance from its date in the node's zone (21:00 in New York is the next day in
 * Beijing, 09:00 the same day). A new start that changes that distance would put the series on
 * other days, and share/get does not say whether the meeting repeats or how: refused.
 */
function refuseMovedSeries(
	context: IExecuteFunctions,
	itemIndex: number,
	meetingId: string,
	currentStart: string,
	newStart: string,
	zones: TimeZones,
) {
	const before = dayShift(currentStart, zones);
	const after = dayShift(newStart, zones);
	if (before === after) return;
	const days = (shift: number) => (shift === 1 || shift === -1 ? `${shift} day` : `${shift} days`);
	throw new NodeOperationError(
		context.getNode(),
		`Invalid input in item ${itemIndex}: "Start Time" with Recurrence Change "Keep As It Is" would move a series of meeting ${meetingId} to other days`,
		{
			itemIndex,
			description: `At the current start (${currentStart} in the service's zone ${zones.service}) the service's date is ${days(before)} after the date in ${zones.item}; at the new start (${newStart}) it is ${days(after)}. UMeeting keeps a series on its own zone's weekdays and day of the month, so a series would move to other days in ${zones.item} (a weekly Tuesday would become the ${after > before ? 'Monday' : 'Wednesday'}). UMeeting does not report whether a meeting repeats: choose Recurrence Change "Set" with the series' rule as seen in ${zones.item} (the node moves its days into the service's zone), or "Single Meeting" if it does not repeat. Nothing was sent to UMeeting.`,
		},
	);
}
