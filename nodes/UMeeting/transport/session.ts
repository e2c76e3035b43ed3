import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type UMeetingCredentials } from './credentials';
import { readRequestOptions, RequestPacer } from './requestOptions';
import type { RequestContext } from './index';

/** What every request of one node run shares. */
export interface Session {
	credentials: UMeetingCredentials;
	/** Handed to n8n's request helper so that it does not fetch and decrypt the credential again. */
	decrypted: ICredentialsDecrypted;
	timeout: number;
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
		const { timeout, maxPerSecond } = readRequestOptions(context, 0);
		session = openSession(context, timeout, maxPerSecond);
		runs.set(context, session);
	}
	return session;
}

export async function openSession(
	context: RequestContext,
	timeout: number,
	maxPerSecond = 0,
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
		timeout,
		pacer: new RequestPacer(maxPerSecond),
	};
}
