/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One HTTP request as a listener received it. */
export interface ReceivedRequest {
	method: string;
	/** Path and query string, as on the request line. */
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

/**
 * A loopback HTTP listener that records every connection and every request it gets, and answers
 * with the handler. With `alsoIpv6`, it also listens on [::1] at the same port (when the machine
 * has it), so that a request to `localhost:<port>` reaches it whatever `localhost` resolves to.
 */
export class RecordingListener {
	connections = 0;
	readonly requests: ReceivedRequest[] = [];
	private servers: Server[] = [];
	private sockets = new Set<Socket>();
	port = 0;

	constructor(private readonly handler: Handler) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(alsoIpv6 = false): Promise<void> {
		const first = this.server();
		await listen(first, 0, '127.0.0.1');
		this.port = (first.address() as AddressInfo).port;
		this.servers.push(first);
		if (!alsoIpv6) return;
		const second = this.server();
		try {
			await listen(second, this.port, '::1');
			this.servers.push(second);
		} catch {
			// No IPv6 loopback here (or the port is taken there): localhost then means 127.0.0.1.
		}
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await Promise.all(
			this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
		);
		this.servers = [];
	}

	reset(): void {
		this.connections = 0;
		this.requests.length = 0;
	}

	private server(): Server {
		const server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const received: ReceivedRequest = {
					method: request.method ?? '',
					url: request.url ?? '',
					headers: request.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				};
				this.requests.push(received);
				this.handler(received, response);
			});
		});
		server.on('connection', (socket) => {
			this.connections++;
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		return server;
	}
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** What the second host answers when a request reaches it: a UMeeting-like success, so that a
 * followed redirect would look like a working call rather than fail on its own. */
const LOOKS_LIKE_UMEETING = JSON.stringify({
	status: 200,
	message: 'OK',
	data: {
		meeting_id: '1770498237',
		join_url: 'https://elsewhere.example/j/1770498237',
		page_size: 1,
		page_number: 1,
		total_records: 0,
		meetings: [],
	},
});

/**
 * The redirect scenario: `redirecting` answers every request with `status` and a Location on
 * `target`, a second listener on another port that must never be contacted. The Location keeps the
 * request's path under /elsewhere and carries a query string (`LOCATION_QUERY_MARKER`) that no error
 * may repeat.
 */
export const LOCATION_QUERY_MARKER = 'sig=location-query-marker-93';

export function redirectPair() {
	const target = new RecordingListener((_request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(LOOKS_LIKE_UMEETING);
	});
	const state = {
		status: 307,
		/** Host name used in the Location: 127.0.0.1 or localhost (both reach `target`). */
		locationHost: '127.0.0.1',
		/** Overrides the Location entirely (e.g. a relative one), or null for none at all. */
		location: undefined as string | null | undefined,
	};
	const redirecting = new RecordingListener((request, response) => {
		const location =
			state.location === undefined
				? `http://${state.locationHost}:${target.port}/elsewhere${request.url.split('?')[0]}?${LOCATION_QUERY_MARKER}`
				: state.location;
		response.writeHead(state.status, {
			...(location === null ? {} : { Location: location }),
			'Content-Type': 'text/html',
		});
		response.end(`<html><body>Moved to <a href="${location ?? ''}">here</a></body></html>`);
	});
	return {
		target,
		redirecting,
		state,
		async start() {
			await target.start(true);
			await redirecting.start();
		},
		async stop() {
			await redirecting.stop();
			await target.stop();
		},
		reset(status = 307) {
			target.reset();
			redirecting.reset();
			state.status = status;
			state.locationHost = '127.0.0.1';
			state.location = undefined;
		},
	};
}
