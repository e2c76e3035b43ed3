import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { TimeZones } from '../../../helpers/time';
import { callUMeeting } from '../../../transport';
import type { RunInfo } from '../../operation';
import {
	createdMeeting,
	type KnownTimes,
	meetingDetails,
	presentMeeting,
	withoutHostSecrets,
} from '../../../meetings/answers';
import type { MeetingFamily } from './family';
import { bookOnce, type MeetingIdentity, type Outcome } from './sameMeeting';
import { readZones } from '../../readZones';

/** What Schedule and Start Instant Meeting have alike: their settings, what they read, how they book. */

/** The collection of optional settings. */
export function additionalFieldsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The parameters both read: topic, the family's owner (capacity or host), the zones and the settings. */
export function newMeetingParameters(
	context: IExecuteFunctions,
	family: MeetingFamily,
	itemIndex: number,
	run: RunInfo,
) {
	const ownerName = family.owner.field.name;
	return {
		topic: run.parameter('topic', itemIndex),
		[ownerName]: run.parameter(ownerName, itemIndex),
		...readZones(context, itemIndex, run),
		additionalFields: run.parameter('additionalFields', itemIndex, {}),
	};
}

/** What Schedule and Start Instant Meeting give back: the meeting as booked or found, and its output item. */
export interface NewMeeting {
	meeting: Record<string, unknown> & { meeting_id: string; join_url?: string };
	item: INodeExecutionData;
}

/**
 * Books a meeting, or with If the Same Meeting Exists on Return It (an `identity` is given) gives
 * the same meeting already live or booked by an earlier item of the run (`existing: true`), or found
 * after a failure that left unknown whether UMeeting booked (`recovered: true`); see sameMeeting.ts.
 * A meeting found rather than booked is read with `${prefix}/get`. The output item has the time
 * fields (from what the node knows where the answer lacks them), host secrets only when kept.
 */
export async function newMeeting(
	context: IExecuteFunctions,
	run: RunInfo,
	call: { family: MeetingFamily; endpoint: string; form: Record<string, string>; itemIndex: number },
	output: { zones: TimeZones; known: KnownTimes; keepSecrets: boolean; identity?: MeetingIdentity },
): Promise<NewMeeting> {
	const { family, endpoint, form, itemIndex } = call;
	const book = async () => {
		const answer = await callUMeeting.call(context, { endpoint, form, itemIndex, data: createdMeeting });
		return { meetingId: answer.meeting_id, answer };
	};
	const outcome: Outcome = output.identity
		? await bookOnce(context, run, { family, identity: output.identity, itemIndex }, book)
		: { ...(await book()), how: 'booked' };
	const meeting = (outcome.answer as NewMeeting['meeting'] | undefined) ?? {
		meeting_id: outcome.meetingId,
		...(await callUMeeting.call(context, {
			endpoint: `${family.prefix}/get`,
			form: { meeting_id: outcome.meetingId },
			itemIndex,
			data: meetingDetails,
		})),
	};
	const json = presentMeeting(meeting, output.zones, output.known);
	if (outcome.how !== 'booked') json[outcome.how] = true;
	return { meeting, item: { json: output.keepSecrets ? json : withoutHostSecrets(json) } };
}
