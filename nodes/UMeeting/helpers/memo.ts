/**
 * Keeps the results of a pure function of texts, keyed by its arguments, for the `limit` most
 * recently used keys. The map lives as long as the module, across runs, so the bound is what keeps
 * its memory small whatever the workflows send.
 */
export function memoize<A extends string[], R>(limit: number, compute: (...args: A) => R): (...args: A) => R {
	const kept = new Map<string, R>();
	return (...args: A) => {
		// A control character no zone name or time text contains keeps distinct argument lists apart.
		const key = args.join('\u0001');
		if (kept.has(key)) {
			const hit = kept.get(key) as R;
			// Re-inserted so that the oldest key in the map is always the least recently used one.
			kept.delete(key);
			kept.set(key, hit);
			return hit;
		}
		const result = compute(...args);
		kept.set(key, result);
		if (kept.size > limit) kept.delete(kept.keys().next().value as string);
		return result;
	};
}
