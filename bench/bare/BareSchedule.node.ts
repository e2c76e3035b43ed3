import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The floor under n8n's rules, for the benchmark only (never shipped): per item it reads the same
 * four fields, builds the same form body and sends it with n8n's own helper, and nothing else: no
 * validation, no time conversion, no answer check. Like UMeeting it fetches the credential once per
 * run and hands it to the helper decrypted, and keeps at most Max Parallel requests in flight.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool, @n8n/community-nodes/icon-validation -- the benchmark's reference node: loaded only by the benchmark's n8n, never shown in an editor or to an agent
export class BareSchedule implements INodeType {
	// eslint-disable-next-line @n8n/community-nodes/require-node-description-fields -- as above: no icon or subtitle to show
	description: INodeTypeDescription = {
		displayName: 'Bare Schedule (bench)',
		name: 'bareSchedule',
		group: ['output'],
		version: 1,
		description: 'Benchmark floor: share/schedule through n8n request helper only',
		defaults: { name: 'Bare Schedule' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'uMeetingApi', required: true }],
		properties: [
			{ displayName: 'Topic', name: 'topic', type: 'string', default: '' },
			{ displayName: 'Meeting Capacity', name: 'meetingCapacity', type: 'number', default: 20 },
			{ displayName: 'Start Time', name: 'startTime', type: 'string', default: '' },
			{ displayName: 'Duration', name: 'duration', type: 'number', default: 60 },
			{ displayName: 'Max Parallel', name: 'maxParallel', type: 'number', default: 1 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials<ICredentialDataDecryptedObject>('uMeetingApi');
		const reference = this.getNode().credentials?.uMeetingApi;
		const decrypted: ICredentialsDecrypted = {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: 'uMeetingApi',
			data: credentials,
		};
		const baseURL = String(credentials.baseUrl);
		const parallel = Math.min(10, Number(this.getNodeParameter('maxParallel', 0)));
		const output: INodeExecutionData[] = new Array(items.length);
		const send = async (itemIndex: number) => {
			const answer = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'uMeetingApi',
				{
					method: 'POST',
					baseURL,
					url: '/umeeting/share/schedule',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
					body: {
						topic: String(this.getNodeParameter('topic', itemIndex)),
						meeting_capacity: String(this.getNodeParameter('meetingCapacity', itemIndex)),
						start_time: String(this.getNodeParameter('startTime', itemIndex)),
						duration: String(this.getNodeParameter('duration', itemIndex)),
					},
					json: true,
				},
				{ credentialsDecrypted: decrypted },
			);
			// The meeting, as UMeeting puts it out: output of the same size for n8n to keep and print.
			output[itemIndex] = { json: answer.data, pairedItem: { item: itemIndex } };
		};
		let next = 0;
		const worker = async () => {
			while (next < items.length) await send(next++);
		};
		await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
		return [output];
	}
}
