import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { MAX_MEETING_MINUTES } from '../../../helpers/fieldSchemas';

import { parseParameters } from '../../../helpers/validation';
import type { RunInfo, Send } from '../../operation';
import { type MeetingFamily, startZoneText } from './family';
import { hostSecretsFields, includeHostSecrets } from './hostSecrets.field';
import { attachInvitation, invitationFields, invitationTarget } from './invitation';
import { recurrenceField, startTimeField, topicField } from './meetingFields';
import type { MeetingOption } from './meetingOptions.schema';
import { meetingOptionFields } from './meetingOptions.fields';
import { ifExistsFields, returnsExisting } from './ifExists.field';
import { additionalFieldsField, newMeeting, newMeetingParameters } from './newMeeting';
import { sameScope } from './sameMeeting';
import { readServiceTime } from '../../../helpers/time';
import type { scheduleSchemaFor } from './scheduleMeeting.schema';
import { timeZoneField } from '../../../meetings/timeZone.field';
import { displayFor } from '../../../helpers/displayFor';

/**
 * Schedule of a meeting family: the fields, and a prepare that books the meeting through
 * `${prefix}/schedule` and answers it with its time fields, its .ics file on request, and host
 * secrets only when asked to keep them.
 */
export function scheduleOperation(
	family: MeetingFamily,
	spec: { options: readonly MeetingOption[]; schema: ReturnType<typeof scheduleSchemaFor> },
) {
	const fields: INodeProperties[] = [
		topicField,
		family.owner.field,
		startTimeField(
			'When the meeting starts. A time without an offset (as the date picker gives) is meant in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.plus(1, "day") }}, is that instant whatever the zones. Also accepts "yyyy-MM-dd HH:mm:ss".',
		),
		{
			displayName: 'Duration (Minutes)',
			name: 'duration',
			type: 'number',
			required: true,
			default: 60,
			typeOptions: { minValue: 31, maxValue: MAX_MEETING_MINUTES, numberPrecision: 0 },
			description:
				'Length of the meeting in whole minutes; UMeeting requires more than 30; at most a day (1440)',
		},
		timeZoneField(
			`${startZoneText(family, 'a Start Time')} The node sends UMeeting the same instant written in the service's zone (set in the credential).`,
		),
		additionalFieldsField(meetingOptionFields(spec.options)),
		...(family.series
			? [
					recurrenceField({
						description: 'Make this a recurring meeting series; leave empty for a single meeting',
					}),
				]
			: []),
		...(family.listed ? ifExistsFields : []),
		...invitationFields('invitation'),
		...hostSecretsFields,
	];

	const description = displayFor({ show: { resource: [family.resource], operation: ['schedule'] } }, fields);

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const parameters = {
			...newMeetingParameters(this, family, itemIndex, run),
			startTime: run.parameter('startTime', itemIndex),
			duration: run.parameter('duration', itemIndex),
			...(family.series ? { recurrence: run.parameter('recurrence', itemIndex, {}) } : {}),
		};
		const { form, zones } = parseParameters(this, spec.schema, parameters, description, itemIndex);
		const keepSecrets = includeHostSecrets(itemIndex, run);
		const invitation = invitationTarget(this, run, itemIndex);
		const duration = Number(form.duration);
		const identity =
			family.listed && returnsExisting(itemIndex, run)
				? {
						scope: sameScope(form),
						topic: form.topic,
						start: readServiceTime(form.start_time, zones.service)?.toMillis(),
						duration,
					}
				: undefined;
		return async () => {
			const { meeting, item } = await newMeeting(
				this,
				run,
				{ family, endpoint: `${family.prefix}/schedule`, form, itemIndex },
				{ zones, known: { start_time: form.start_time, duration }, keepSecrets, identity },
			);
			if (!invitation) return [item];
			const facts = {
				meetingId: meeting.meeting_id,
				topic: form.topic,
				joinUrl: meeting.join_url,
				password: form.password,
				hostName: form.host_name,
				start: form.start_time,
				durationMinutes: duration,
				recurrenceSource: form,
			};
			return [await attachInvitation(this, item, invitation, facts, zones.service)];
		};
	}

	return { description, prepare };
}
