import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { SERVICE_TIME_ZONE_DEFAULT, TIME_ZONE_OPTIONS } from '../nodes/UMeeting/helpers/timeZones';
import { baseUrlProblem } from '../nodes/UMeeting/transport/baseUrl';

export const DEFAULT_BASE_URL = 'https://api.systeccloud.com';

export class UMeetingApi implements ICredentialType {
	name = 'uMeetingApi';

	displayName = 'UMeeting API';

	documentationUrl = 'https://github.com/n8n-nodes-umeeting/n8n-nodes-umeeting#credentials';

	icon = { light: 'file:umeeting.svg', dark: 'file:umeeting.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The api_key issued by the UMeeting operations team',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The api_secret issued together with the API key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			required: true,
			description:
				'Root of the UMeeting API, without the /umeeting path. Change it only for a private deployment. Must use https:// (http:// is accepted for localhost only, unless Allow Insecure HTTP is on).',
		},
		{
			displayName: 'Service Time Zone',
			name: 'serviceTimeZone',
			type: 'options',
			options: TIME_ZONE_OPTIONS,
			default: SERVICE_TIME_ZONE_DEFAULT,
			description:
				'The time zone this UMeeting deployment reads and writes its times in. UMeeting sends and receives times such as 2026-12-01 09:30:00 without a zone; the public service at api.systeccloud.com runs in China (Asia/Shanghai). Change it only if your provider runs a private deployment in another zone. It is not the zone you enter times in: that is the Time Zone of each UMeeting node.',
		},
		{
			displayName: 'Allow Insecure HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept a plain http:// Base URL on another machine. The API secret then travels unencrypted: use it only on a network you trust.',
		},
	];

	// The service reads api_key and api_secret from the form body of every POST, never from
	// headers or the query string. A function (rather than a generic rule) keeps the body a
	// plain object that n8n's request helper URL-encodes, and is applied the same way by
	// n8n's credentials helper in workflows and in the credential test below.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Refuse before the secret is put on the wire; this also makes the Test button explain it.
		const problem = baseUrlProblem(credentials.baseUrl, credentials.allowInsecureHttp);
		if (problem) throw new UserError(problem);
		const body = (requestOptions.body ?? {}) as IDataObject;
		return {
			...requestOptions,
			body: { ...body, api_key: credentials.apiKey, api_secret: credentials.apiSecret },
		};
	}

	// n8n's tester fails a credential on any non-2xx answer, and on a 2xx answer only when a
	// rule's key equals its value. "status is not 200" cannot be written as one equality, so
	// the rule checks the one thing every failure lacks: the paging block of a meeting list
	// (a rejected key/secret, an HTML page or another service all leave data.page_size unset).
	// The test request carries the secret like any other, so it must not follow a redirect:
	// n8n's routing copies every field of `request` into the options of its request helper, which
	// turns disableFollowRedirect into axios' maxRedirects 0 (n8n 1.123, 2.8 and 2.41 alike). A 3xx
	// then fails the test as a non-2xx answer, with nothing sent to the Location. n8n 2.41 shows
	// the responseCode rule's message for it; 1.123 and 2.8 lose the answer from the error (a class
	// field resets NodeApiError's cause) and show "Request failed with status code 307". The
	// tester reads responseCode rules only for non-2xx answers and the other only for 2xx ones; n8n's
	// type wants one kind per list, its tester checks each rule's type. A rule's message is fixed
	// text, so it cannot name the Location host; a node run with the credential does.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/umeeting/share/list',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
			body: { page_size: '1', page_number: '1' },
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data.page_size',
					value: undefined,
					message:
						'UMeeting did not accept these credentials (or the Base URL is not the UMeeting API): check the API key, the API secret and the Base URL',
				},
			},
			...[301, 302, 303, 307, 308].map((code) => ({
				type: 'responseCode' as const,
				properties: {
					value: code,
					message: `The Base URL answered HTTP ${code} (a redirect). The test does not follow redirects because its request carries the API secret, so nothing was sent to the address it points to. Enter the address the service redirects to as the Base URL (for example its https:// address, or with the path it expects before /umeeting); a UMeeting node run with this credential names that host in its error.`,
				},
			})),
		] as ICredentialTestRequest['rules'],
	};
}
