import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { startUrl } from './shared/answers';
import { meetingLocator, meetingRef } from './shared/meetingLocator';

const fields: INodeProperties[] = [
	meetingLocator({
		description:
			"The meeting whose host start URL to get. UMeeting gives it only inside the meeting's early-join window (from its ready time, usually 15 minutes, before the start); earlier the service refuses. The URL logs the host in: send it to the host only.",
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['getStartUrl'] } },
	fields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { meetingId } = parseParameters(
		this,
		z.object({ meetingId: meetingRef() }),
		{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
		description,
		itemIndex,
	);
	const answer = await callUMeeting.call(this, {
		endpoint: 'share/getStartUrl',
		form: { id: meetingId },
		itemIndex,
		data: startUrl,
	});
	return { meeting_id: meetingId, ...(answer as IDataObject) };
}
