import { z } from 'zod';
import { MAX_CARDS_PER_BATCH } from '$lib/server/credentials';

export const issueSchema = z.object({
	count: z.coerce.number().int().min(1).max(MAX_CARDS_PER_BATCH)
});

export const voidCodeSchema = z.object({ code: z.string().trim().min(1).max(40) });
