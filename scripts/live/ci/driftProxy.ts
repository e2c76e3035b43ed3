/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DRIFT } from './drift';

/**
 * A loopback server in front of the simulator that passes every request through unchanged and
 * applies DRIFT to the data of the answers it names: the service as it might be after a change the
 * manual does not mention. The simulator itself stays true to the manual.
 */
export async function startDriftProxy(upstream: string): Promise<{ url: string; stop: () => Promise<void> }> {
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const answer = await fetch(`${upstream}${req.url ?? '/'}`, {
					method: req.method,
					headers: { 'content-type': String(req.headers['content-type'] ?? '') },
					body: Buffer.concat(chunks),
					redirect: 'manual',
				});
				let body = await answer.text();
				const edit = DRIFT[(req.url ?? '').split('?')[0]];
				if (edit) {
					const parsed = JSON.parse(body) as { status: unknown; data?: unknown };
					if (String(parsed.status) === '200') body = JSON.stringify({ ...parsed, data: edit(parsed.data) });
				}
				res.writeHead(answer.status, {
					'Content-Type': answer.headers.get('content-type') ?? 'application/json',
				});
				res.end(body);
			})().catch((error: unknown) => {
				res.writeHead(502, { 'Content-Type': 'text/plain' });
				res.end(`drift proxy: ${error instanceof Error ? error.message : String(error)}`);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
