/**
 * An object that has the given members and answers every other member with a no-op function, so
 * n8n-core can call optional hooks of IWorkflowExecuteAdditionalData that these runs do not need.
 * Plain TypeScript (no jest) so the demo and benchmark scripts can run the engine too.
 */
export function stub<T extends object>(members: Partial<T> = {}): T {
	const noop = () => undefined;
	return new Proxy(members as T, {
		get(target, key) {
			if (key in target) return target[key as keyof T];
			if (key === 'then' || typeof key === 'symbol') return undefined;
			return noop;
		},
	});
}
