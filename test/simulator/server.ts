/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ServiceClock } from './clock';
import { followClock, markRecordingsReady } from './clockLifecycle';
import { route } from './endpoints';
import type { Form } from './formRules';
import { MeetingStore } from './meetings';
import { ServiceRefusal } from './refusals';

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	form: Form;
	/** When the request's body had arrived (ms since the epoch). */
	receivedAt: number;
}

/** A misbehaviour the next matching request(s) get instead of (or on top of) a normal answer. */
export type Fault =
	| { type: 'http'; status: number; body?: string; headers?: Record<string, string> }
	| { type: 'html'; status?: number }
	| { type: 'notJson' }
	| { type: 'bodyStatus'; status: number | string; message: string; httpStatus?: number }
	| { type: 'noData' }
	| { type: 'slow'; delayMs: number }
	| { type: 'drop' }
	/** The answer an earlier identical request got (the oldest of the last few): a lagging replica. */
	| { type: 'stale' };

export interface FaultOptions {
	/** How many requests get the fault (default 1). */
	times?: number;
	/** Only requests to this path, e.g. "/umeeting/share/schedule". */
	path?: string;
	/** Let this many matching requests through untouched first. */
	skip?: number;
	/** Let the endpoint act (create the meeting) before misbehaving, as a real server failing late would. */
	afterProcessing?: boolean;
}

export interface SimulatorOptions {
	apiKey?: string;
	apiSecret?: string;
	/** HTTP status of an answer refusing the key or secret: the manual leaves it open. */
	authFailureHttpStatus?: number;
	/** Delay before every answer, to model network latency. */
	latencyMs?: number;
	/**
	 * Serves GET /__sim/stats and POST /__sim/reset, so a benchmark can read and clear the counters
	 * of a simulator in another process. Off by default: the API itself has no such routes.
	 */
	controlRoutes?: boolean;
	/** The zone the service reads every zoneless time text in (default Asia/Shanghai, where it runs). */
	serviceTimeZone?: string;
	/** The service's clock (default the real one); setNow changes it while running. */
	now?: () => Date;
	/**
	 * Meetings start when the clock reaches their start and end at start plus duration, checked at
	 * every request (clockLifecycle.ts). Off by default; advanceTo applies the same steps on demand.
	 */
	lifecycleFollowsClock?: boolean;
	/** Minutes after a meeting ended before cloud/recording lists its files (default 0: at once). */
	recordingReadyAfterMinutes?: number;
	/** Recordings come in two parts, the second listed this many minutes after the first (clockLifecycle.ts). */
	recordingSecondPartAfterMinutes?: number;
}

interface ArmedFault {
	fault: Fault;
	remaining: number;
	skip: number;
	path?: string;
	afterProcessing: boolean;
}

export const DEMO_KEY = 'demo-key';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
export const DEMO_SECRET = 'demo-secret-7f3a9c';

/**
 * A UMeeting API on loopback that keeps to the vendor manual strictly: POST only, form bodies only,
 * key and secret in the body and nowhere else, every documented field rule. It records what it
 * receives and can be told to fail in the ways a real service does.
 */
export class UMeetingSimulator {
	readonly requests: RecordedRequest[] = [];

	readonly store = new MeetingStore();

	readonly clock: ServiceClock;

	private readonly faults: ArmedFault[] = [];

	/** The last few answers by request (path and form without the credentials), oldest first, for 'stale'. */
	private readonly earlier = new Map<string, string[]>();

	private server?: Server;

	private inFlight = 0;

	private connectionDrops = { remaining: 0, skip: 0 };

	/** TCP connections accepted so far. */
	connections = 0;

	/** Most requests the simulator was handling at the same moment. */
	peakInFlight = 0;

	url = '';

	constructor(readonly options: SimulatorOptions = {}) {
		this.clock = new ServiceClock(
			options.serviceTimeZone ?? 'Asia/Shanghai',
			options.now ?? (() => new Date()),
		);
	}

	get apiKey() {
		return this.options.apiKey ?? DEMO_KEY;
	}

	get apiSecret() {
		return this.options.apiSecret ?? DEMO_SECRET;
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = createServer((req, res) => {
			if (this.options.controlRoutes && req.url?.startsWith('/__sim/')) this.control(req, res);
			else void this.handle(req, res);
		});
		this.server.on('connection', (socket) => {
			this.connections++;
			const drops = this.connectionDrops;
			if (drops.remaining === 0) return;
			if (drops.skip > 0) {
				drops.skip--;
				return;
			}
			drops.remaining--;
			socket.destroy();
		});
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const { port: bound } = this.server.address() as AddressInfo;
		this.url = `http://${host}:${bound}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	injectFault(fault: Fault, options: FaultOptions = {}) {
		this.faults.push({
			fault,
			remaining: options.times ?? 1,
			skip: options.skip ?? 0,
			path: options.path,
			afterProcessing: options.afterProcessing ?? false,
		});
	}

	/** Disarms the faults no request has met yet. */
	clearFaults() {
		this.faults.length = 0;
	}

	/**
	 * Closes the next `count` TCP connections as soon as they are accepted, before a byte of the
	 * request is read: the client cannot tell whether its request got through.
	 */
	dropConnections(count: number, options: { skip?: number } = {}) {
		this.connectionDrops = { remaining: count, skip: options.skip ?? 0 };
	}

	/** Moves the service's clock: a fixed instant, or a function for a clock that keeps moving. reset() undoes it. */
	setNow(now: Date | (() => Date)) {
		this.clock.set(now);
	}

	/**
	 * Sets the service's clock to `now` and moves every meeting on as time has passed: scheduled ones
	 * whose start has come are in progress, those whose end has passed have ended (clockLifecycle.ts).
	 */
	advanceTo(now: Date) {
		this.clock.set(now);
		this.followClock();
	}

	private followClock() {
		followClock(this.store, this.clock, this.url);
		this.markRecordings();
	}

	private markRecordings() {
		const { recordingReadyAfterMinutes, recordingSecondPartAfterMinutes } = this.options;
		if (recordingReadyAfterMinutes || recordingSecondPartAfterMinutes !== undefined)
			markRecordingsReady(
				this.store,
				this.clock,
				recordingReadyAfterMinutes ?? 0,
				recordingSecondPartAfterMinutes,
			);
	}

	reset() {
		this.clock.reset();
		this.requests.length = 0;
		this.faults.length = 0;
		this.earlier.clear();
		this.connectionDrops = { remaining: 0, skip: 0 };
		this.connections = 0;
		this.store.reset();
		this.peakInFlight = 0;
	}

	/** Requests that reached the given endpoint, e.g. "share/schedule". */
	requestsTo(endpoint: string): RecordedRequest[] {
		return this.requests.filter((r) => r.path === `/umeeting/${endpoint}`);
	}

	private control(req: IncomingMessage, res: ServerResponse) {
		if (req.method === 'POST' && req.url === '/__sim/reset') this.reset();
		const stats = {
			requests: this.requests.length,
			peakInFlight: this.peakInFlight,
			connections: this.connections,
			created: this.store.created,
		};
		req.resume();
		send(res, 200, JSON.stringify(stats));
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		try {
			const rawBody = await readBody(req);
			const [path, query = ''] = (req.url ?? '/').split('?');
			const form = parseForm(rawBody);
			this.requests.push({
				method: req.method ?? '',
				path,
				query,
				headers: req.headers,
				rawBody,
				form,
				receivedAt: Date.now(),
			});
			if (this.options.latencyMs) await delay(this.options.latencyMs);

			const armed = this.takeFault(path);
			const key = `${path}?${new URLSearchParams(Object.entries(form).filter(([name]) => !name.startsWith('api_'))).toString()}`;
			const replay = armed?.fault.type === 'stale' ? this.earlier.get(key)?.[0] : undefined;
			if (replay !== undefined) return send(res, 200, replay);
			if (armed && !armed.afterProcessing && armed.fault.type !== 'stale')
				return await this.misbehave(armed.fault, res, undefined);
			const answer = this.answer(req, path, query, rawBody);
			const body = JSON.stringify(answer.body);
			if (answer.httpStatus === 200)
				this.earlier.set(key, [...(this.earlier.get(key) ?? []), body].slice(-5));
			if (armed && armed.fault.type !== 'stale') return await this.misbehave(armed.fault, res, answer);
			send(res, answer.httpStatus, body);
		} finally {
			this.inFlight--;
		}
	}

	private answer(req: IncomingMessage, path: string, query: string, rawBody: string) {
		const fail = (httpStatus: number, status: number, message: string) => ({
			httpStatus,
			body: { status, message },
		});
		if (req.method !== 'POST') return fail(405, 405, `method ${req.method} not allowed: use POST`);
		const routed = route(path);
		if (!routed) return fail(404, 404, `no such endpoint: ${path}`);
		if (query !== '') return fail(400, 400, 'parameters belong in the form body, not in the URL');
		const type = String(req.headers['content-type'] ?? '');
		if (!/^application\/x-www-form-urlencoded(;\s*charset=utf-8)?$/i.test(type)) {
			return fail(415, 415, `form body required (application/x-www-form-urlencoded), got "${type}"`);
		}
		let form: Form;
		try {
			form = parseForm(rawBody, true);
		} catch (error) {
			return fail(400, 400, (error as Error).message);
		}
		if (form.api_key !== this.apiKey || form.api_secret !== this.apiSecret) {
			return fail(this.options.authFailureHttpStatus ?? 200, 401, 'invalid api_key or api_secret');
		}
		if (this.options.lifecycleFollowsClock) this.followClock();
		try {
			const data = routed.endpoint(form, {
				store: this.store,
				publicUrl: this.url,
				clock: this.clock,
				pathParams: routed.pathParams,
			});
			// What share/end held gets its processing time at once.
			this.markRecordings();
			return {
				httpStatus: 200,
				body: { status: 200, message: 'OK', ...(data === undefined ? {} : { data }) },
			};
		} catch (error) {
			if (error instanceof ServiceRefusal) return fail(200, error.status, error.message);
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the simulator is a test program, not a node: it passes the error on unchanged
			throw error;
		}
	}

	private takeFault(path: string): ArmedFault | undefined {
		const index = this.faults.findIndex((f) => f.remaining > 0 && (!f.path || f.path === path));
		if (index < 0) return undefined;
		const armed = this.faults[index];
		if (armed.skip > 0) {
			armed.skip--;
			return undefined;
		}
		armed.remaining--;
		if (armed.remaining === 0) this.faults.splice(index, 1);
		return armed;
	}

	private async misbehave(
		fault: Fault,
		res: ServerResponse,
		answer: { httpStatus: number; body: unknown } | undefined,
	) {
		switch (fault.type) {
			case 'http':
				return send(
					res,
					fault.status,
					fault.body ?? JSON.stringify({ status: fault.status, message: 'service error' }),
					fault.headers,
				);
			case 'html':
				return send(res, fault.status ?? 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
					'Content-Type': 'text/html',
				});
			case 'notJson':
				return send(res, 200, 'OK', { 'Content-Type': 'text/plain' });
			case 'bodyStatus':
				return send(
					res,
					fault.httpStatus ?? 200,
					JSON.stringify({ status: fault.status, message: fault.message }),
				);
			case 'noData':
				return send(res, 200, JSON.stringify({ status: 200, message: 'OK' }));
			case 'slow':
				await delay(fault.delayMs);
				return send(
					res,
					answer?.httpStatus ?? 200,
					JSON.stringify(answer?.body ?? { status: 200, message: 'OK', data: {} }),
				);
			case 'drop':
				res.socket?.destroy();
				return undefined;
		}
	}
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
	if (res.destroyed) return;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses a form body; strictly, a repeated key is an error (the service reads single values). */
function parseForm(raw: string, strict = false): Form {
	const form: Form = {};
	for (const [key, value] of new URLSearchParams(raw)) {
		if (strict && key in form) throw new Error(`parameter ${key} given twice`);
		form[key] = value;
	}
	return form;
}

function delay(ms: number) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
