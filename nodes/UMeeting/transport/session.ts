import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isValidTimeZone, SERVICE_TIME_ZONE_DEFAULT } from '../helpers/timeZones';
import { CREDENTIAL_TYPE, type UMeetingCredentials } from './credentials';
import { readRequestOptions, RequestPacer } from './requestOptions';
import type { RequestContext } from './index';

/** What every request of one node run shares. */
export interface Session {
	credentials: UMeetingCredentials;
	/** Handed to n8n's request helper so that it does not fetch and decrypt the credential again. */
	decrypted: ICredentialsDecrypted;
	/** The zone this UMeeting deployment reads and writes its zoneless times in. */
	serviceTimeZone: string;
	timeout: number;
	maxParallel: number;
	pacer: RequestPacer;
}

const runs = new WeakMap<IExecuteFunctions, Promise<Session>>();

/**
 * The session of a node run: the credential is fetched and decrypted once, not twice per request
 * (in n8n that is a database read and a decryption each time), and the Options, read from the
 * first item, apply to the whole run. n8n gives every run its own execute context.
 */
export function runSession(context: IExecuteFunctions): Promise<Session> {
	let session = runs.get(context);
	if (!session) {
		const { timeout, maxPerSecond, maxParallel } = readRequestOptions(context, 0);
		session = openSession(context, { timeout, maxPerSecond, maxParallel });
		runs.set(context, session);
	}
	return session;
}

export async function openSession(
	context: RequestContext,
	options: { timeout: number; maxPerSecond?: number; maxParallel?: number },
): Promise<Session> {
	const credentials = await context.getCredentials<UMeetingCredentials>(CREDENTIAL_TYPE);
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		credentials,
		decrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data: { ...credentials },
		},
		serviceTimeZone: serviceTimeZone(context, credentials),
		timeout: options.timeout,
		maxParallel: options.maxParallel ?? 1,
		pacer: new RequestPacer(options.maxPerSecond ?? 0),
	};
}

/** Credentials saved before the field existed have none: the public service's zone applies. */
function serviceTimeZone(context: RequestContext, credentials: UMeetingCredentials): string {
	const zone = (credentials.serviceTimeZone ?? '').trim() || SERVICE_TIME_ZONE_DEFAULT;
	if (isValidTimeZone(zone)) return zone;
	throw new NodeOperationError(
		context.getNode(),
		`The UMeeting credential's Service Time Zone "${zone}" is not an IANA time zone`,
		{
			description:
				'Pick the zone of your UMeeting deployment (Asia/Shanghai for api.systeccloud.com) in the credential. Nothing was sent.',
		},
	);
}
