import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { meetingDetails, hostToken } from '../../meetings/answers';
import { meetingLocator } from '../meeting/shared/meetingLocator';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import {
	type Attendee,
	isoOf,
	type MeetingParticipants,
	meetingParticipants,
	presentAttendee,
	sessionAttendees,
} from './answers';
import {
	getParticipantsSchema,
	getSessionParticipantsSchema,
	participantSourceSchema,
} from './getAll.schema';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { displayFor } from '../../helpers/displayFor';

const SESSION_ENDPOINT = 'share/participants';

/** Fields of the meeting-number source only. */
const forMeeting = { show: { source: ['meeting'] } };

const fields: INodeProperties[] = [
	{
		displayName: 'Attendees Of',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'meeting',
		options: [
			{
				name: 'Meeting',
				value: 'meeting',
				description:
					"Everyone who attended any held session of a meeting, by its meeting number, with the meeting's totals",
			},
			{
				name: 'One Held Session',
				value: 'session',
				description:
					'Everyone who attended one held session (a single meeting, or one occurrence of a series), by its uuid',
			},
		],
		description: 'Whether to list the attendees of a whole meeting or of one session of it that was held',
	},
	{
		displayName: 'Session UUID',
		name: 'sessionUuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.uuid }}',
		displayOptions: { show: { source: ['session'] } },
		description:
			'The uuid of one held session: uuid in the output of Report → Get Meeting History or Participant → Get Meeting Report, meeting_id in the output of Recording → Get Many, or the uuid of an occurrence that has ended',
	},
	{
		...meetingLocator({
			description:
				'The meeting whose attendees to list, from every session of it held so far. A meeting has attendees once it (or an occurrence of a series) has ended.',
		}),
		displayOptions: forMeeting,
	},
	{
		displayName: 'Host ID',
		name: 'hostId',
		type: 'string',
		default: '',
		displayOptions: forMeeting,
		placeholder: 'e.g. {{ $json.host_id }}',
		description:
			"The meeting's host ID (host_id in the output of Schedule and Start Instant Meeting), which UMeeting asks for with the meeting number. Leave empty to have the node look it up first (one more request).",
	},
	{
		displayName: 'Topic',
		name: 'meetingTopic',
		type: 'string',
		default: '',
		displayOptions: forMeeting,
		placeholder: 'e.g. {{ $json.topic }}',
		description:
			"The meeting's topic, which UMeeting asks for as well. Leave empty to have the node read it from the meeting first (one more request).",
	},
	...returnAllFields(),
	timeZoneField(
		"Zone in which the output's times are shown: join_time_iso, leave_time_iso and (for a meeting) meeting_start_time_iso carry its offset, time_zone its name.",
	),
];

export const description = displayFor({ show: { resource: ['participant'], operation: ['getAll'] } }, fields);

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { source } = parseParameters(
		this,
		participantSourceSchema,
		{ source: run.parameter('source', itemIndex, 'meeting') },
		description,
		itemIndex,
	);
	return source === 'session'
		? prepareSession.call(this, itemIndex, run)
		: prepareMeeting.call(this, itemIndex, run);
}

/**
 * One held session, by its uuid: share/participants answers its attendees at once (no paging),
 * with join and leave times in UTC; each item carries the session's uuid as meeting_uuid.
 */
function prepareSession(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const returnAll = run.parameter('returnAll', itemIndex, false);
	const { form, wanted, zones } = parseParameters(
		this,
		getSessionParticipantsSchema,
		{
			sessionUuid: run.parameter('sessionUuid', itemIndex, ''),
			returnAll,
			limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	return async () => {
		const people: Attendee[] = await callUMeeting.call(this, {
			endpoint: SESSION_ENDPOINT,
			form,
			itemIndex,
			data: sessionAttendees,
		});
		return jsonItems(
			people.slice(0, wanted).map((person) => ({
				...presentAttendee(person, zones),
				meeting_uuid: form.uuid,
				time_zone: zones.item,
			})),
		);
	};
}

/** Every held session of a meeting, by its number: share/meeting/{meetingId}/participants. */
function prepareMeeting(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const returnAll = run.parameter('returnAll', itemIndex, false);
	const { meetingId, hostId, topic, wanted, zones } = parseParameters(
		this,
		getParticipantsSchema,
		{
			meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
			hostId: run.parameter('hostId', itemIndex, ''),
			meetingTopic: run.parameter('meetingTopic', itemIndex, ''),
			returnAll,
			limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	return async () => {
		const form = {
			topic: topic || (await topicOf(this, meetingId, itemIndex)),
			host_id: hostId || (await hostIdOf(this, meetingId, itemIndex)),
		};
		const answer: MeetingParticipants = await callUMeeting.call(this, {
			endpoint: `share/meeting/${meetingId}/participants`,
			form,
			itemIndex,
			data: meetingParticipants,
		});
		const meeting: IDataObject = {
			meeting_id: answer.id ?? meetingId,
			meeting_topic: answer.topic ?? form.topic,
			meeting_start_time: answer.start_time ?? null,
			meeting_start_time_iso: isoOf(answer.start_time, zones),
			meeting_duration: answer.duration ?? null,
			total_participants: answer.total_participants ?? answer.participants_list.length,
			total_minutes: answer.total_minutes ?? null,
			time_zone: zones.item,
		};
		return jsonItems(
			answer.participants_list
				.slice(0, wanted)
				.map((person) => ({ ...presentAttendee(person, zones), ...meeting })),
		);
	};
}

async function topicOf(context: IExecuteFunctions, meetingId: string, itemIndex: number) {
	const meeting: { topic?: string } = await callUMeeting.call(context, {
		endpoint: 'share/get',
		form: { meeting_id: meetingId },
		itemIndex,
		data: meetingDetails,
	});
	if (meeting.topic) return meeting.topic;
	throw new NodeOperationError(context.getNode(), `UMeeting gave no topic for meeting ${meetingId}`, {
		itemIndex,
		description: 'Fill in the Topic field with the topic the meeting was booked with.',
	});
}

/** The host ID share/token gives with the host's token; only the ID is kept. */
async function hostIdOf(context: IExecuteFunctions, meetingId: string, itemIndex: number) {
	const { host_id }: { host_id: string } = await callUMeeting.call(context, {
		endpoint: 'share/token',
		form: { meeting_id: meetingId },
		itemIndex,
		data: hostToken,
	});
	return host_id;
}
