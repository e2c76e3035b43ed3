/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { join } from 'node:path';

import { installPackage } from '../harness';
import { N8nHome, type N8nInstall } from '../n8nCli';
import { freePort } from '../n8nCli';
import { N8nServer, waitFor } from '../trigger';
import { onAbort, released } from './lifecycle';
import type { Postgres, Redis } from './services';

/** How Bull (n8n's queue) treats a job whose worker stopped renewing its lock. */
export interface StalledJobSettings {
	/**
	 * Stalls a job may have before Bull fails it: 0 fails it at its first stall, 1 (n8n 1.x's default)
	 * runs it again. n8n 2.x ignores the setting: it always fails a stalled job.
	 */
	maxStalledCount: number;
	/** How long a worker's lock on a job lasts without renewal (n8n's default 60 s). */
	lockDurationMs: number;
	/** How often a worker renews its locks (n8n's default 10 s); well below the lock's duration. */
	lockRenewTimeMs: number;
	/** How often each worker looks for stalled jobs (n8n's default 30 s). */
	stalledIntervalMs: number;
}

/** One n8n process of the cluster: its user folder (a machine of its own) and the running process. */
export interface Member {
	name: string;
	home: N8nHome;
	server?: N8nServer;
	/** The output of its earlier processes (before a restart). */
	pastOutput: string;
}

const READY = { main: 'Editor is now accessible via', worker: 'n8n worker is now ready' };

/**
 * An n8n main process and workers in queue mode, as separate machines would run them: each with its
 * own user folder and our package installed there from the tarball (n8n's docs: in queue mode,
 * community packages are installed by hand into ~/.n8n/nodes on every instance), sharing the
 * encryption key, Redis and PostgreSQL.
 */
export class QueueCluster {
	readonly main: Member;

	readonly workers: Member[];

	constructor(
		install: N8nInstall,
		folder: string,
		workerCount: number,
		private readonly redis: Redis,
		private readonly postgres: Postgres,
		private readonly stalled: StalledJobSettings,
	) {
		const member = (name: string): Member => {
			const home = new N8nHome(install, join(folder, name));
			Object.assign(home.env, this.env);
			return { name, home, pastOutput: '' };
		};
		this.main = member('main');
		this.workers = Array.from({ length: workerCount }, (_, i) => member(`worker-${i + 1}`));
	}

	/** The environment every member shares (the CLI commands run on the main's folder use it too). */
	get env(): NodeJS.ProcessEnv {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			...this.postgres.n8nEnv,
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
			N8N_ENCRYPTION_KEY: 'queue-e2e-shared-encryption-key',
			QUEUE_WORKER_MAX_STALLED_COUNT: String(this.stalled.maxStalledCount),
			QUEUE_WORKER_LOCK_DURATION: String(this.stalled.lockDurationMs),
			QUEUE_WORKER_LOCK_RENEW_TIME: String(this.stalled.lockRenewTimeMs),
			QUEUE_WORKER_STALLED_INTERVAL: String(this.stalled.stalledIntervalMs),
		};
	}

	get members() {
		return [this.main, ...this.workers];
	}

	/** QUEUE_WORKER_MAX_STALLED_COUNT as the members started from now on get it. */
	get maxStalledCount(): string {
		return this.main.home.env.QUEUE_WORKER_MAX_STALLED_COUNT ?? "n8n's default";
	}

	/** Members started from now on use n8n's own stalled-job default (the variable unset). */
	useDefaultStalledCount() {
		for (const member of this.members) delete member.home.env.QUEUE_WORKER_MAX_STALLED_COUNT;
	}

	async installPackage(tarball: string) {
		for (const member of this.members) await installPackage(member.home, tarball);
	}

	private async launch(member: Member, command: string[], ready: string) {
		// Info is the level that names each execution a worker takes; debug would slow the burst down.
		const server = new N8nServer(member.home, await freePort(), await freePort(), {
			command,
			env: { N8N_LOG_LEVEL: 'info' },
		});
		member.server = server;
		onAbort(member.name, () => server.kill('SIGKILL'));
		server.start();
		await waitFor(`${member.name} to be ready`, 180_000, () => {
			if (server.exited) throw new Error(`${member.name} exited:\n${server.output.slice(-3000)}`);
			return server.output.includes(ready);
		});
	}

	startMain() {
		return this.launch(this.main, ['start'], READY.main);
	}

	startWorker(worker: Member) {
		return this.launch(worker, ['worker', '--concurrency=10'], READY.worker);
	}

	async startWorkers() {
		await Promise.all(this.workers.map((worker) => this.startWorker(worker)));
	}

	/** Stops a member the way an orchestrator does (SIGTERM, then waiting); keeps its log. */
	async stop(member: Member) {
		const server = member.server;
		if (!server) return;
		await server.stop();
		member.pastOutput += server.output;
		member.home.writeFile(`${member.name}-${Date.now()}.log`, server.output);
		released(member.name);
	}

	/** A crash: SIGKILL, no chance to finish or hand back what it holds. */
	crash(member: Member) {
		member.server?.kill('SIGKILL');
	}

	/** Ids of the executions a worker took from the queue, from its log ("Worker started execution <id>"). */
	executionsTakenBy(member: Member): string[] {
		return [...(member.server?.output ?? '').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
	}

	get webhookBase() {
		return `${this.main.server!.url}/webhook`;
	}

	async stopAll() {
		for (const worker of this.workers) await this.stop(worker);
		await this.stop(this.main);
	}
}
