import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type UMeetingCredentials } from './credentials';
import { describeFailure, type Failure } from './failures';

export type ServiceAnswer = { status: unknown; message?: unknown; data?: unknown } & IDataObject;

/**
 * The one place that talks to UMeeting: a form-encoded POST with the credential's key and secret
 * added by n8n, accepted only when the HTTP status is 2xx, the body is JSON and its top-level
 * status is 200. Every other outcome becomes a NodeApiError built from a clean description, so
 * neither the request (which carries the secret) nor the raw error object reaches n8n.
 */
export async function callUMeeting(
	this: IExecuteFunctions,
	endpoint: string,
	form: Record<string, string>,
	itemIndex: number,
): Promise<ServiceAnswer> {
	const credentials = await this.getCredentials<UMeetingCredentials>(CREDENTIAL_TYPE, itemIndex);
	const request: IHttpRequestOptions = {
		method: 'POST',
		baseURL: credentials.baseUrl,
		url: `/umeeting/${endpoint}`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', Accept: 'application/json' },
		body: { ...form },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let response: { statusCode: number; body: unknown };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, request);
	} catch (error) {
		throw apiError(this, { kind: 'network', endpoint, cause: error }, credentials.apiSecret, itemIndex);
	}

	const body = parseBody(response.body);
	const failure = checkAnswer(endpoint, response.statusCode, body);
	if (failure) throw apiError(this, failure, credentials.apiSecret, itemIndex);
	return body as ServiceAnswer;
}

/** The `data` object of a success answer; a success without one is a service fault. */
export function answerData(
	context: IExecuteFunctions,
	answer: ServiceAnswer,
	endpoint: string,
	itemIndex: number,
): IDataObject {
	const { data } = answer;
	if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as IDataObject;
	throw new NodeApiError(context.getNode(), { endpoint } as JsonObject, {
		message: `UMeeting reported success for ${endpoint} but sent no data`,
		description: 'The answer had status 200 without a data object. The service may have acted on the request: look the meeting up before running the item again.',
		itemIndex,
	});
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function checkAnswer(endpoint: string, httpStatus: number, body: unknown): Failure | undefined {
	const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
	const answer = isObject ? (body as ServiceAnswer) : undefined;
	const serviceMessage = typeof answer?.message === 'string' ? answer.message : undefined;
	if (httpStatus < 200 || httpStatus > 299) {
		return { kind: 'http', endpoint, httpStatus, serviceStatus: answer?.status, serviceMessage, body };
	}
	if (!answer || !('status' in answer)) return { kind: 'notJson', endpoint, httpStatus, body };
	if (String(answer.status) !== '200') {
		return { kind: 'refused', endpoint, httpStatus, serviceStatus: answer.status, serviceMessage };
	}
	return undefined;
}

function apiError(context: IExecuteFunctions, failure: Failure, secret: string, itemIndex: number) {
	const { message, description, httpCode, details } = describeFailure(failure, secret);
	return new NodeApiError(context.getNode(), details as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
}
