import type { z } from 'zod';

import { checkAnswer } from '../../nodes/UMeeting/transport';
import { describeFailure, type Failure } from '../../nodes/UMeeting/transport/failures';
import { DEFAULT_TIMEOUT_MS } from '../../nodes/UMeeting/transport/requestOptions';
import { compare, type Comparison } from './findings';
import type { LiveSettings } from './settings';

/** How one call ended, before the report words it. */
export type Outcome =
	| ({ kind: 'answered'; data: unknown } & Comparison)
	| { kind: 'refused'; message: string }
	| { kind: 'failed'; message: string };

/**
 * Sends one call as the node's transport does (a POST to <base>/umeeting/<endpoint>, the form
 * URL-encoded with the key and secret added at its end as the credential adds them, no redirect
 * followed since the body carries the secret) and judges the answer with the transport's own
 * rules; an accepted answer's data is then compared with the node's schema for it. The transport
 * itself needs an n8n function context, which a standalone script does not have.
 */
export async function send(
	settings: LiveSettings,
	endpoint: string,
	form: Record<string, string>,
	schema: z.ZodTypeAny,
): Promise<Outcome> {
	const { apiKey, apiSecret, baseUrl } = settings;
	const fail = (failure: Failure): Outcome => {
		const { message } = describeFailure(failure, apiSecret);
		return { kind: failure.kind === 'refused' ? 'refused' : 'failed', message };
	};
	let response: Response;
	try {
		response = await fetch(`${baseUrl.replace(/\/+$/, '')}/umeeting/${endpoint}`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
				Accept: 'application/json',
			},
			body: new URLSearchParams({ ...form, api_key: apiKey, api_secret: apiSecret }).toString(),
			redirect: 'manual',
			signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
		});
	} catch (error) {
		return fail({ kind: 'network', endpoint, cause: error, attempts: 1 });
	}
	const text = await response.text();
	if (response.status >= 300 && response.status <= 399) {
		return fail({
			kind: 'redirect',
			endpoint,
			httpStatus: response.status,
			location: response.headers.get('location') ?? undefined,
			requestUrl: response.url,
		});
	}
	const body = parseBody(text);
	const failure = checkAnswer(endpoint, response.status, body);
	if (failure) return fail(failure);
	const data = (body as { data?: unknown }).data;
	return { kind: 'answered', data, ...compare(schema, data) };
}

function parseBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
