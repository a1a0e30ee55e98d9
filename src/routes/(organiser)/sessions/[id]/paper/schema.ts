import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { wholeNumber } from '../../form-fields';
import { optionalReason } from '../schema';

export const paperIssuedSchema = z.object({
	paperIssued: wholeNumber(m.paper_issued_required, 0, 100_000),
	/** Asked for once the ballots handed out would outnumber the people present. */
	beyondPresentReason: optionalReason()
});
