import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import type { z } from 'zod';

import { describeAnswerProblem } from '../helpers/answerFields';
import { baseUrlProblem } from './baseUrl';
import { CREDENTIAL_TYPE } from './credentials';
import { describeFailure, networkReason, type Failure } from './failures';
import { markOutcome } from './outcome';
import { DEFAULT_TIMEOUT_MS } from './requestOptions';
import { retryDelay } from './retryPolicy';
import { runSession, type Session } from './session';

export { DEFAULT_TIMEOUT_MS };
export { outcomeUnknown, refusedByService } from './outcome';

export type ServiceAnswer = { status: unknown; message?: unknown; data?: unknown } & IDataObject;

export interface UMeetingCall<S extends z.ZodTypeAny> {
	/** Path under /umeeting/, e.g. "share/schedule". */
	endpoint: string;
	form: Record<string, string>;
	itemIndex: number;
	/** Schema of the answer's `data`: checks it and normalises its field types. */
	data: S;
}

/** What the transport needs of n8n: node runs, the editor's list searches and the trigger's polls provide it. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

interface FullResponse {
	statusCode: number;
	headers?: Record<string, string | string[] | undefined>;
	body: unknown;
}

/**
 * The one place that talks to UMeeting: a form-encoded POST with the credential's key and secret
 * added by n8n, accepted only when the HTTP status is 2xx, the body is JSON, its top-level status is
 * 200 and its data matches the endpoint's answer schema. Every other outcome becomes a NodeApiError
 * built from a clean description, so neither the request (which carries the secret) nor the raw
 * error object reaches n8n. A request is repeated only when retryPolicy says the service certainly
 * did not act on it.
 */
export async function callUMeeting<S extends z.ZodTypeAny>(
	this: IExecuteFunctions,
	call: UMeetingCall<S>,
): Promise<z.output<S>> {
	return await requestUMeeting(this, await runSession(this), call);
}

export async function requestUMeeting<S extends z.ZodTypeAny>(
	context: RequestContext,
	session: Session,
	call: UMeetingCall<S>,
): Promise<z.output<S>> {
	const { endpoint, itemIndex } = call;
	const { credentials, timeout, pacer } = session;
	const problem = baseUrlProblem(credentials.baseUrl, credentials.allowInsecureHttp);
	if (problem)
		throw new NodeOperationError(context.getNode(), problem, { itemIndex, description: 'Nothing was sent.' });

	const baseURL = credentials.baseUrl.trim();
	const request: IHttpRequestOptions = {
		method: 'POST',
		baseURL,
		url: `/umeeting/${endpoint}`,
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
			Accept: 'application/json',
		},
		body: call.form,
		timeout,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n's helper follows redirects by default, and a 307/308 re-sends this body, api_secret
		// included, to whatever host the Location names. A 3xx comes back as the answer instead.
		disableFollowRedirect: true,
	};
	const fail = (failure: Failure) => apiError(context, failure, credentials.apiSecret, itemIndex);
	const redirected = (
		httpStatus: number,
		location: string | undefined,
		locationUnknown = false,
	): Failure => ({
		kind: 'redirect',
		endpoint,
		httpStatus,
		location,
		locationUnknown,
		requestUrl: joinUrl(baseURL, request.url),
	});

	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		await pacer.acquire();
		try {
			// A fresh copy per attempt: n8n's helpers add the credential fields to the body they get.
			response = await context.helpers.httpRequestWithAuthentication.call(
				context as IExecuteFunctions,
				CREDENTIAL_TYPE,
				{ ...request, body: { ...call.form } },
				{ credentialsDecrypted: session.decrypted },
			);
		} catch (error) {
			// With ignoreHttpStatusErrors a 3xx is an answer; should a helper throw it anyway, it is
			// still a redirect (never retried), not a network failure.
			const thrown = redirectResponse(error);
			if (thrown) throw fail(redirected(thrown.status, header(thrown.headers, 'location'), !thrown.headers));
			const delay = retryDelay({ kind: 'networkError', code: networkReason(error).code }, attempt, waited);
			if (delay === undefined) throw fail({ kind: 'network', endpoint, cause: error, attempts: attempt });
			waited += await pause(context, delay);
			continue;
		}

		if (isRedirect(response.statusCode))
			throw fail(redirected(response.statusCode, header(response.headers, 'location')));
		const retryAfter = header(response.headers, 'retry-after');
		const delay = retryDelay(
			{ kind: 'answer', httpStatus: response.statusCode, retryAfter },
			attempt,
			waited,
		);
		if (delay !== undefined) {
			waited += await pause(context, delay);
			continue;
		}
		const body = parseBody(response.body);
		const failure = checkAnswer(endpoint, response.statusCode, body, attempt);
		if (failure) throw fail(failure);
		const raw = (body as ServiceAnswer).data;
		const data = call.data.safeParse(raw);
		if (!data.success)
			throw fail({ kind: 'badData', endpoint, problem: describeAnswerProblem(raw, data.error) });
		return data.data;
	}
}

async function pause(context: RequestContext, ms: number): Promise<number> {
	await sleepWithAbort(
		ms,
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined,
	);
	return ms;
}

function header(headers: FullResponse['headers'], name: string): string | undefined {
	const value = headers?.[name];
	return Array.isArray(value) ? value[0] : value;
}

function isRedirect(status: unknown): status is number {
	return typeof status === 'number' && status >= 300 && status <= 399;
}

/**
 * The 3xx answer inside an error thrown by n8n's helper: a NodeApiError around axios' error. n8n
 * 2.41 keeps axios' error as its cause; 1.123 and 2.8 lose it (a class field resets `cause`), and
 * only the NodeApiError's httpCode is left, without the Location.
 */
function redirectResponse(error: unknown): { status: number; headers?: FullResponse['headers'] } | undefined {
	const outer = error as
		| { response?: unknown; cause?: { response?: unknown }; httpCode?: unknown }
		| undefined;
	for (const response of [outer?.response, outer?.cause?.response]) {
		const candidate = response as { status?: unknown; headers?: FullResponse['headers'] } | undefined;
		if (candidate && isRedirect(candidate.status))
			return { status: candidate.status, headers: candidate.headers ?? {} };
	}
	const httpCode = typeof outer?.httpCode === 'string' ? Number(outer.httpCode) : undefined;
	return isRedirect(httpCode) ? { status: httpCode } : undefined;
}

/** The URL axios requests for a baseURL and a path (it joins them with one slash). */
function joinUrl(baseURL: string, url: string): string {
	return `${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function checkAnswer(
	endpoint: string,
	httpStatus: number,
	body: unknown,
	attempts = 1,
): Failure | undefined {
	const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
	const answer = isObject ? (body as ServiceAnswer) : undefined;
	const serviceMessage = typeof answer?.message === 'string' ? answer.message : undefined;
	if (httpStatus < 200 || httpStatus > 299) {
		return {
			kind: 'http',
			endpoint,
			httpStatus,
			serviceStatus: answer?.status,
			serviceMessage,
			body,
			attempts,
		};
	}
	if (!answer || !('status' in answer)) return { kind: 'notJson', endpoint, httpStatus, body };
	if (String(answer.status) !== '200') {
		return { kind: 'refused', endpoint, httpStatus, serviceStatus: answer.status, serviceMessage };
	}
	return undefined;
}

function apiError(context: RequestContext, failure: Failure, secret: string, itemIndex: number) {
	const { message, description, httpCode, details } = describeFailure(failure, secret);
	const error = new NodeApiError(context.getNode(), details as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
	return markOutcome(error, failure);
}
