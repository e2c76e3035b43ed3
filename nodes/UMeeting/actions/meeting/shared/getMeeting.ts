import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import type { RunInfo, Send } from '../../operation';
import { meetingDetails, presentMeeting, withoutHostSecrets } from '../../../meetings/answers';
import type { MeetingFamily } from './family';
import { hostSecretsFields, includeHostSecrets } from './hostSecrets.field';
import { attachInvitation, invitationFields, invitationTarget, meetingFacts } from './invitation';
import { lookupSchema } from './lookup.schema';
import { meetingLocator } from './meetingLocator';
import { ANSWER_TIMES, timeZoneField } from '../../../meetings/timeZone.field';
import { readZones } from '../../readZones';
import { zonesOf } from '../../../meetings/zones';
import { displayFor } from '../../../helpers/displayFor';

/** Get of a meeting family: one meeting read through `${prefix}/get`, with its time fields. */
export function getMeetingOperation(family: MeetingFamily) {
	const fields: INodeProperties[] = [
		meetingLocator({ listed: family.listed, description: 'The meeting to read' }),
		timeZoneField(ANSWER_TIMES),
		...invitationFields('invitation'),
		...hostSecretsFields,
	];

	const description = displayFor({ show: { resource: [family.resource], operation: ['get'] } }, fields);

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const { meetingId, ...zoneValues } = parseParameters(
			this,
			lookupSchema,
			{
				meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
				...readZones(this, itemIndex, run),
			},
			description,
			itemIndex,
		);
		const zones = zonesOf(zoneValues);
		const keepSecrets = includeHostSecrets(itemIndex, run);
		const invitation = invitationTarget(this, run, itemIndex);
		return async () => {
			const meeting = await callUMeeting.call(this, {
				endpoint: `${family.prefix}/get`,
				form: { meeting_id: meetingId },
				itemIndex,
				data: meetingDetails,
			});
			const json = presentMeeting({ meeting_id: meeting.id, ...meeting }, zones);
			const item = { json: keepSecrets ? json : withoutHostSecrets(json) };
			if (!invitation) return [item];
			return [
				await attachInvitation(this, item, invitation, meetingFacts(this, meeting, itemIndex), zones.service),
			];
		};
	}

	return { description, prepare };
}
