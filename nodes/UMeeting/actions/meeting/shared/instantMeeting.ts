import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { MAX_MEETING_MINUTES } from '../../../helpers/fieldSchemas';

import { readServiceTime } from '../../../helpers/time';
import { parseParameters } from '../../../helpers/validation';
import type { RunInfo, Send } from '../../operation';
import { type MeetingFamily, startZoneText } from './family';
import { hostSecretsFields, includeHostSecrets } from './hostSecrets.field';
import type { instantSchemaFor, InstantSpec } from './instantMeeting.schema';
import { attachInvitation, invitationFields, invitationTarget } from './invitation';
import { topicField } from './meetingFields';
import { meetingOptionFields } from './meetingOptions.fields';
import { ifExistsFields, returnsExisting } from './ifExists.field';
import { additionalFieldsField, newMeeting, newMeetingParameters } from './newMeeting';
import { sameScope } from './sameMeeting';
import { ANSWER_TIMES, timeZoneField } from '../../../meetings/timeZone.field';
import { displayFor } from '../../../helpers/displayFor';

const INSTANT_DEFAULT_MINUTES = 60;

/**
 * Start Instant Meeting of a meeting family, through `${prefix}/instant`. The .ics option is offered
 * only where the answer gives the start time the file needs (`invitation`).
 */
export function instantOperation(
	family: MeetingFamily,
	spec: InstantSpec & { invitation: boolean; schema: ReturnType<typeof instantSchemaFor> },
) {
	const own: INodeProperties[] = [
		{
			displayName: 'Duration (Minutes)',
			name: 'duration',
			type: 'number',
			default: 60,
			typeOptions: {
				minValue: spec.durationOver30 ? 31 : 1,
				maxValue: MAX_MEETING_MINUTES,
				numberPrecision: 0,
			},
			description: spec.durationOver30
				? 'Planned length in whole minutes; UMeeting requires more than 30; at most a day (1440)'
				: 'Planned length in whole minutes; at most a day (1440)',
		},
	];
	if (spec.startTime) {
		own.push({
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			description:
				'The start the meeting is recorded with, read in the Time Zone below when it has no offset; leave out for now',
		});
	}
	const fields: INodeProperties[] = [
		{ ...topicField, placeholder: 'e.g. Incident bridge' },
		family.owner.field,
		timeZoneField(spec.startTime ? startZoneText(family, 'a Start Time') : ANSWER_TIMES),
		additionalFieldsField(meetingOptionFields(spec.options, own)),
		...(family.listed ? ifExistsFields : []),
		...(spec.invitation ? invitationFields('invitation') : []),
		...hostSecretsFields,
	];

	const description = displayFor(
		{ show: { resource: [family.resource], operation: ['createInstant'] } },
		fields,
	);

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const parameters = newMeetingParameters(this, family, itemIndex, run);
		const { form, zones } = parseParameters(this, spec.schema, parameters, description, itemIndex);
		const keepSecrets = includeHostSecrets(itemIndex, run);
		const invitation = spec.invitation ? invitationTarget(this, run, itemIndex) : undefined;
		// The manual names no default length for an instant meeting: an hour is assumed.
		const duration = form.duration === undefined ? INSTANT_DEFAULT_MINUTES : Number(form.duration);
		const identity =
			family.listed && returnsExisting(itemIndex, run)
				? { scope: sameScope(form), topic: form.topic }
				: undefined;
		return async () => {
			const { meeting, item } = await newMeeting(
				this,
				run,
				{ family, endpoint: `${family.prefix}/instant`, form, itemIndex },
				{ zones, known: { start_time: form.start_time, duration }, keepSecrets, identity },
			);
			const start = typeof meeting.start_time === 'string' ? meeting.start_time : undefined;
			if (!invitation || !start || !readServiceTime(start, zones.service)) return [item];
			const facts = {
				meetingId: meeting.meeting_id,
				topic: form.topic,
				joinUrl: meeting.join_url,
				hostName: form.host_name,
				start,
				durationMinutes: duration,
			};
			return [await attachInvitation(this, item, invitation, facts, zones.service)];
		};
	}

	return { description, prepare };
}
