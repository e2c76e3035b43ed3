import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import type { RunInfo, Send } from '../operation';
import { meetingDetails, presentMeeting, withoutHostSecrets } from './shared/answers';
import { hostSecretsFields, includeHostSecrets } from './shared/hostSecrets.field';
import { attachInvitation, invitationFields, invitationTarget, meetingFacts } from './shared/invitation';
import { lookupSchema } from './shared/lookup.schema';
import { meetingLocator } from './shared/meetingLocator';
import { ANSWER_TIMES, timeZoneField } from './shared/timeZone.field';
import { readZones, zonesOf } from './shared/zones';

const fields: INodeProperties[] = [
	meetingLocator({ description: 'The meeting to read' }),
	timeZoneField(ANSWER_TIMES),
	...invitationFields('invitation'),
	...hostSecretsFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['get'] } },
	fields,
);

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { meetingId, ...zoneValues } = parseParameters(
		this,
		lookupSchema,
		{
			meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	const zones = zonesOf(zoneValues);
	const keepSecrets = includeHostSecrets(this, itemIndex, run);
	const invitation = invitationTarget(this, itemIndex);
	return async () => {
		const meeting = await callUMeeting.call(this, {
			endpoint: 'share/get',
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
