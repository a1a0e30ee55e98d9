/**
 * The largest request body accepted, as adapter-node reads BODY_SIZE_LIMIT ("64K", "1M",
 * "Infinity"). The adapter enforces it only while a body is read; an action that never reads
 * its body would otherwise accept any size, so the declared length is checked up front too.
 */
const ADAPTER_DEFAULT = '512K';

export function parseBodySizeLimit(setting: string | undefined): number {
	const value = (setting ?? ADAPTER_DEFAULT).trim();
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
	const bytes = Number(multiplier ? value.slice(0, -1) : value) * (multiplier ?? 1);
	return Number.isNaN(bytes) ? parseBodySizeLimit(ADAPTER_DEFAULT) : bytes;
}

export function declaresTooLargeBody(headers: Headers, limit: number): boolean {
	const declared = Number(headers.get('content-length') ?? 0);
	return Number.isFinite(declared) && declared > limit;
}
