import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { MAX_CARDS_PER_BATCH } from '$lib/server/cards/ballot-cards';
import { wholeNumber } from '../../form-fields';
import { optionalReason } from '../schema';

export const issueSchema = z.object({
	count: wholeNumber(m.cards_issue_count_required, 1, MAX_CARDS_PER_BATCH),
	/** The room's Wi-Fi, printed as a join QR on the sheet; never stored. */
	wifiName: z.string().trim().max(32).optional().default(''),
	wifiPassword: z.string().max(63).optional().default(''),
	/** Asked for once the cards would outnumber the people present. */
	beyondPresentReason: optionalReason()
});

export const voidCodeSchema = z.object({ code: z.string().trim().min(1).max(40) });
