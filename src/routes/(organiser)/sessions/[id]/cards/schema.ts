import { z } from 'zod';
import { MAX_CARDS_PER_BATCH } from '$lib/server/cards/ballot-cards';

export const issueSchema = z.object({
	count: z.coerce.number().int().min(1).max(MAX_CARDS_PER_BATCH),
	/** The room's Wi-Fi, printed as a join QR on the sheet; never stored. */
	wifiName: z.string().trim().max(32).optional().default(''),
	wifiPassword: z.string().max(63).optional().default('')
});

export const voidCodeSchema = z.object({ code: z.string().trim().min(1).max(40) });
