import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { TimeZones } from '../../../helpers/time';
import { callUMeeting } from '../../../transport';
import type { RunInfo } from '../../operation';
import {
	createdMeeting,
	type KnownTimes,
	presentMeeting,
	withoutHostSecrets,
} from '../../../meetings/answers';
import type { MeetingFamily } from './family';
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

/**
 * Books a meeting and shapes its output item: the answer with its time fields (from what the node
 * knows where the answer lacks them), host secrets only when they are kept.
 */
export async function bookMeeting(
	context: IExecuteFunctions,
	call: { endpoint: string; form: Record<string, string>; itemIndex: number },
	output: { zones: TimeZones; known: KnownTimes; keepSecrets: boolean },
) {
	const meeting = await callUMeeting.call(context, { ...call, data: createdMeeting });
	const json = presentMeeting(meeting, output.zones, output.known);
	const item: INodeExecutionData = { json: output.keepSecrets ? json : withoutHostSecrets(json) };
	return { meeting, item };
}
